import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { AUTH_CONFIG, KEYS } from '../support/scoped-operations.js';
import { overGet, overPost, overSse, webSocketSession, type Transport } from '../support/transports.js';

/**
 * Without a valid key nothing is parsed or executed: HTTP and SSE answer 401
 * `UNAUTHENTICATED`, a WebSocket is closed with 4403 at `connection_init`. A
 * valid key works in either header. No key ever reaches the logs.
 */
let gw: ListeningGateway;
let logs = '';
const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);
const QUERY = { query: '{ backends { name } }' };
const WRONG_KEY = 'key-wrong-0123456789abcdef';

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  gw = await startListeningGateway({ config: AUTH_CONFIG, logger: pino({ level: 'trace' }, sink) });
});
afterAll(async () => {
  await gw?.close();
});

const httpTransports: [string, (headers: Record<string, string>) => Transport][] = [
  ['HTTP POST', (headers) => overPost(gw.endpoint, headers)],
  ['HTTP GET', (headers) => overGet(gw.endpoint, headers)],
  ['SSE', (headers) => overSse(gw.endpoint, headers)],
];

describe.each(httpTransports)('%s', (_name, transport) => {
  it.each([
    ['no key', {}],
    ['a wrong Bearer key', { authorization: `Bearer ${WRONG_KEY}` }],
    ['a wrong X-API-Key', { 'x-api-key': WRONG_KEY }],
    ['an empty Bearer', { authorization: 'Bearer ' }],
    ['a key with another scheme', { authorization: `Basic ${KEYS.admin}` }],
    ['a key differing in its last character', { authorization: `Bearer ${KEYS.admin.slice(0, -1)}X` }],
  ])('refuses %s: 401 UNAUTHENTICATED, no backend called', async (_case, headers) => {
    gw.references.all.forEach((b) => b.requests.clear());
    const result = await transport(headers)(QUERY);
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(upstreamCalls()).toBe(0);
  });

  it.each([
    ['Authorization: Bearer', { authorization: `Bearer ${KEYS.read}` }],
    ['X-API-Key', { 'x-api-key': KEYS.read }],
  ])('accepts the key in %s', async (_header, headers) => {
    const result = await transport(headers)(QUERY);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ backends: expect.arrayContaining([{ name: 'growth' }]) });
  });
});

it('says how to authenticate in WWW-Authenticate', async () => {
  const response = await fetch(gw.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUERY) });
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
});

describe('WebSocket', () => {
  it.each([
    ['no connection_init payload', undefined],
    ['a payload without a key', {}],
    ['a wrong Bearer key', { Authorization: `Bearer ${WRONG_KEY}` }],
    ['a wrong X-API-Key', { 'X-API-Key': WRONG_KEY }],
  ])('closes the socket with 4403 for %s, before any operation runs', async (_case, payload) => {
    gw.references.all.forEach((b) => b.requests.clear());
    const session = webSocketSession(gw.endpoint, payload);
    try {
      await expect(session.run(QUERY)).rejects.toMatchObject({ code: 4403 });
      await vi.waitFor(() => expect(session.closeCode()).toBe(4403));
      expect(upstreamCalls()).toBe(0);
    } finally {
      await session.dispose();
    }
  });

  it.each([
    ['Authorization: Bearer', { Authorization: `Bearer ${KEYS.read}` }],
    ['X-API-Key', { 'X-API-Key': KEYS.read }],
  ])('accepts the key as %s in connection_init', async (_form, payload) => {
    const session = webSocketSession(gw.endpoint, payload);
    try {
      const result = await session.run(QUERY);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ backends: expect.arrayContaining([{ name: 'growth' }]) });
    } finally {
      await session.dispose();
    }
  });
});

it('never writes a key to the log, valid or not (log level trace)', async () => {
  // Runs last: by now every kind of request above has been logged.
  await overPost(gw.endpoint, { authorization: `Bearer ${KEYS.write}` })({ query: '{ campaigns(first: 1) { totalCount } }' });
  expect(logs.length).toBeGreaterThan(0);
  for (const key of [...Object.values(KEYS), WRONG_KEY]) expect(logs).not.toContain(key);
  for (const backend of gw.references.all) for (const secret of Object.values(backend.credentials)) expect(logs).not.toContain(secret);
});
