import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScoped } from '../support/expect-scoped.js';
import { startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { AUTH_CONFIG, KEYS, mayRun, SCOPED_OPERATIONS, type KeyName } from '../support/scoped-operations.js';
import { webSocketSession, type WebSocketSession } from '../support/transports.js';

/**
 * Every root field over WebSocket (`graphql-transport-ws`), the key in the
 * `connection_init` payload as `Authorization: Bearer <key>`: one connection
 * per key, carrying every operation.
 */
let gw: ListeningGateway;
const sessions = new Map<KeyName, WebSocketSession>();
const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);

beforeAll(async () => {
  gw = await startListeningGateway({ config: AUTH_CONFIG });
  for (const key of Object.keys(KEYS) as KeyName[]) sessions.set(key, webSocketSession(gw.endpoint, { Authorization: `Bearer ${KEYS[key]}` }));
});
afterAll(async () => {
  for (const session of sessions.values()) await session.dispose();
  await gw?.close();
});

describe.each(Object.keys(KEYS) as KeyName[])('%s key', (key) => {
  it.each(SCOPED_OPERATIONS)('$type $field needs $scope', async (operation) => {
    gw.references.all.forEach((b) => b.requests.clear());
    const result = await sessions.get(key)!.run(operation);
    expectScoped(result, key, operation);
    if (!mayRun(key, operation)) expect(upstreamCalls()).toBe(0);
    // A refused operation is an answer, not a reason to drop the connection.
    expect(sessions.get(key)!.closeCode()).toBeUndefined();
  });
});
