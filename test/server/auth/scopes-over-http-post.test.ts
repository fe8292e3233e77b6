import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScoped } from '../support/expect-scoped.js';
import { startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { AUTH_CONFIG, KEYS, mayRun, SCOPED_OPERATIONS, type KeyName } from '../support/scoped-operations.js';
import { overPost } from '../support/transports.js';

/**
 * Every query and mutation root field over HTTP POST with each scope's key
 * (`Authorization: Bearer`): allowed where CONTRACT.md gives the key's scope,
 * `FORBIDDEN` before any backend is called elsewhere.
 */
let gw: ListeningGateway;
const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);

beforeAll(async () => {
  gw = await startListeningGateway({ config: AUTH_CONFIG });
});
afterAll(async () => {
  await gw?.close();
});

describe.each(Object.keys(KEYS) as KeyName[])('%s key', (key) => {
  it.each(SCOPED_OPERATIONS.filter((op) => op.type !== 'subscription'))('$type $field needs $scope', async (operation) => {
    gw.references.all.forEach((b) => b.requests.clear());
    const result = await overPost(gw.endpoint, { authorization: `Bearer ${KEYS[key]}` })(operation);
    expect(result.status).toBe(200);
    expectScoped(result, key, operation);
    if (!mayRun(key, operation)) expect(upstreamCalls()).toBe(0);
  });
});
