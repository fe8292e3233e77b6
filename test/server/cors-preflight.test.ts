import { afterEach, describe, expect, it } from 'vitest';
import { startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';

/**
 * CORS follows `cors.origins`: a listed origin gets its own origin back (and
 * may read `x-request-id`), any other gets no CORS header, so its page cannot
 * read the answer. Without the key every origin may call, as `*`, and no answer
 * ever allows credentials.
 */
let gw: ListeningGateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example.net';

function preflight(endpoint: string, origin: string): Promise<Response> {
  return fetch(endpoint, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, x-request-id' },
  });
}

function post(endpoint: string, origin: string): Promise<Response> {
  return fetch(endpoint, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
}

describe('with cors.origins', () => {
  it('answers a preflight from an allowed origin with that origin, the method and the headers asked for', async () => {
    gw = await startListeningGateway({ config: { cors: { origins: [APP, 'http://localhost:5173'] } } });
    const response = await preflight(gw.endpoint, APP);
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, authorization, x-request-id',
      'access-control-max-age': '600',
      vary: expect.stringContaining('Origin'),
    });
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();

    const answer = await post(gw.endpoint, APP);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives a denied origin no CORS header at all, on the preflight and on the request', async () => {
    gw = await startListeningGateway({ config: { cors: { origins: [APP, 'http://localhost:5173'] } } });
    const response = await preflight(gw.endpoint, EVIL);
    expect(response.status).toBe(204);
    const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
    expect(cors).toEqual([]);
    const answer = await post(gw.endpoint, EVIL);
    expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(answer.headers.get('vary')).toContain('Origin');
    // A listed origin of one entry is not echoed to everyone else either.
    await gw.close();
    gw = await startListeningGateway({ config: { cors: { origins: [APP] } } });
    expect((await preflight(gw.endpoint, EVIL)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(gw.endpoint, 'null')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('without cors', () => {
  it('lets any origin call, as *, never with credentials', async () => {
    gw = await startListeningGateway();
    const response = await preflight(gw.endpoint, EVIL);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await post(gw.endpoint, EVIL);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
