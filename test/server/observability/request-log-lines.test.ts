import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postGraphQL, startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { webSocketSession } from '../support/transports.js';

/**
 * Every response carries an `x-request-id` (the client's own when sane); every
 * GraphQL request writes one log line with its id, operation, outcome,
 * duration, the backends it called and the upstream calls it made; a failing
 * backend call writes one warning naming the backend, the code and the upstream
 * status, and never a credential.
 */
let gw: ListeningGateway;
const lines: Record<string, unknown>[] = [];
const READ_KEY = 'read-key-0123456789abcdef';

beforeAll(async () => {
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  gw = await startListeningGateway({ logger, config: { auth: { apiKeys: [{ key: READ_KEY, scopes: ['campaigns:read'] }] } } });
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => {
  lines.length = 0;
});

const auth = { authorization: `Bearer ${READ_KEY}` };
const requestLines = () => lines.filter((line) => line.msg === 'request');

describe('x-request-id', () => {
  it('is on every response: GraphQL, refused, health and metrics', async () => {
    const answers = await Promise.all([
      fetch(gw.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{"query":"{ __typename }"}' }),
      fetch(gw.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      fetch(`${gw.url}/healthz`),
      fetch(`${gw.url}/metrics`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 401, 200, 200]);
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(4);
  });

  it("keeps the client's own id when it is sane and replaces one that is not", async () => {
    const own = await fetch(`${gw.url}/healthz`, { headers: { 'x-request-id': 'checkout-7f3a:42' } });
    expect(own.headers.get('x-request-id')).toBe('checkout-7f3a:42');
    for (const insane of ['has spaces', 'x'.repeat(129), 'quote"d', 'line\tbreak']) {
      const replaced = await fetch(`${gw.url}/healthz`, { headers: { 'x-request-id': insane } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('one log line per request', () => {
  it('names the request id, operation, outcome, backends called and upstream calls made', async () => {
    const { status } = await postGraphQL(gw.endpoint, { query: 'query TwoBackends { campaigns(first: 2, filter: { backends: ["broadcast", "messaging"] }) { nodes { id } } }' }, { ...auth, 'x-request-id': 'req-one' });
    expect(status).toBe(200);
    const line = requestLines().find((l) => l.requestId === 'req-one');
    expect(line).toMatchObject({
      level: 30,
      requestId: 'req-one',
      transport: 'http',
      operation: 'TwoBackends',
      type: 'query',
      outcome: 'success',
      status: 200,
      durationMs: expect.any(Number),
      upstreamCalls: expect.any(Number),
    });
    expect([...(line!.backends as string[])].sort()).toEqual(['broadcast', 'messaging']);
    const received = gw.references.v2.requests.count() + gw.references.touchpoint.requests.count();
    expect(line!.upstreamCalls).toBeGreaterThanOrEqual(2);
    expect(line!.upstreamCalls).toBeLessThanOrEqual(received);
    expect(requestLines().filter((l) => l.requestId === 'req-one')).toHaveLength(1);
  });

  it('logs a refused request once, as rejected, with no backend called', async () => {
    await postGraphQL(gw.endpoint, { query: '{ campaigns { nodez } }' }, { ...auth, 'x-request-id': 'req-bad' });
    await postGraphQL(gw.endpoint, { query: '{ __typename }' }, { 'x-request-id': 'req-nokey' });
    const bad = requestLines().filter((l) => l.requestId === 'req-bad' || l.requestId === 'req-nokey');
    expect(bad).toEqual([
      expect.objectContaining({ requestId: 'req-bad', outcome: 'rejected', status: 400, backends: [], upstreamCalls: 0 }),
      expect.objectContaining({ requestId: 'req-nokey', outcome: 'rejected', status: 401, backends: [], upstreamCalls: 0 }),
    ]);
  });

  it('writes a line for each WebSocket operation', async () => {
    const session = webSocketSession(gw.endpoint, { Authorization: `Bearer ${READ_KEY}` });
    try {
      const result = await session.run({ query: 'query OverSocket { campaigns(first: 1, filter: { backends: ["growth"] }) { nodes { id } } }' });
      expect(result.errors).toBeUndefined();
    } finally {
      await session.dispose();
    }
    expect(requestLines().filter((l) => l.transport === 'websocket')).toEqual([
      expect.objectContaining({ operation: 'OverSocket', type: 'query', outcome: 'success', backends: ['growth'], upstreamCalls: expect.any(Number) }),
    ]);
  });

  it('keeps health probes at debug level', async () => {
    await fetch(`${gw.url}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    expect(requestLines().find((l) => l.requestId === 'probe-1')).toMatchObject({ level: 20, path: '/healthz', status: 200 });
  });
});

describe('a failing backend call', () => {
  it('writes one warning per failed attempt with the backend, the code and the upstream status, and no credential', async () => {
    await gw.references.v2.faults.set({ kind: 'status500', times: 10 });
    try {
      const { body } = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 5, filter: { backends: ["broadcast", "messaging"] }) { nodes { id } } }' }, { ...auth, 'x-request-id': 'req-500' });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'broadcast' });
    } finally {
      await gw.references.v2.faults.clear();
    }
    const warnings = lines.filter((l) => l.level === 40 && l.backend === 'broadcast');
    expect(warnings.length).toBe(3);
    for (const warning of warnings) {
      expect(warning).toMatchObject({ backend: 'broadcast', code: 'BACKEND_UNAVAILABLE', upstreamStatus: 500, method: 'GET', requestId: 'req-500' });
    }
    expect(requestLines().find((l) => l.requestId === 'req-500')).toMatchObject({ outcome: 'partial', upstreamCalls: expect.any(Number) });
    const everything = JSON.stringify(lines);
    for (const secret of Object.values(gw.references.v2.credentials)) expect(everything).not.toContain(secret);
    expect(everything).not.toContain(READ_KEY);
  });

  it('writes no warning when the backend answers a client error', async () => {
    gw.references.workspace.requests.clear();
    const { body } = await postGraphQL(gw.endpoint, { query: '{ node(id: "WyJDYW1wYWlnbiIsImdyb3d0aCIsImNtcF9taXNzaW5nIl0") { id } }' }, auth);
    expect(body).toEqual({ data: { node: null } });
    expect(gw.references.workspace.requests.count()).toBe(1);
    expect(lines.filter((l) => l.level === 40)).toEqual([]);
  });
});
