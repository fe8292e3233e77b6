import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScoped } from '../support/expect-scoped.js';
import { startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { AUTH_CONFIG, KEYS, mayRun, SCOPED_OPERATIONS, type KeyName } from '../support/scoped-operations.js';
import { overGet } from '../support/transports.js';

/**
 * Every query root field over HTTP GET with each scope's key (`X-API-Key`).
 * Mutations never run over GET, whatever the key may do.
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
  it.each(SCOPED_OPERATIONS.filter((op) => op.type === 'query'))('$type $field needs $scope', async (operation) => {
    gw.references.all.forEach((b) => b.requests.clear());
    const result = await overGet(gw.endpoint, { 'x-api-key': KEYS[key] })(operation);
    expect(result.status).toBe(200);
    expectScoped(result, key, operation);
    if (!mayRun(key, operation)) expect(upstreamCalls()).toBe(0);
  });
});

it('refuses every mutation over GET with 405, even for the admin key, before any backend is called', async () => {
  gw.references.all.forEach((b) => b.requests.clear());
  for (const operation of SCOPED_OPERATIONS.filter((op) => op.type === 'mutation')) {
    const result = await overGet(gw.endpoint, { 'x-api-key': KEYS.admin })(operation);
    expect(result.status, operation.field).toBe(405);
  }
  expect(upstreamCalls()).toBe(0);
});
