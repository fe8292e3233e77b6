import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../src/reference-backends/touchpoint/index.js';
import { call } from './touchpoint/http.js';

const DAY = 24 * 60 * 60 * 1000;

describe('touchpoint reference backend', () => {
  let backend: TouchpointReferenceBackend;

  beforeAll(async () => {
    backend = await startTouchpointBackend();
  });
  afterAll(async () => {
    await backend.close();
  });
  afterEach(async () => {
    await backend.faults.clear();
  });

  it('describes itself as a touchpoint backend with a bearer token', () => {
    expect(backend.kind).toBe('touchpoint');
    expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.credentials).toEqual({ token: 'tp-demo-token' });
    expect(backend.configEntry('tp')).toEqual({ name: 'tp', kind: 'touchpoint', baseUrl: backend.url, token: 'tp-demo-token' });
  });

  describe('seed data', () => {
    it('has ten campaigns on the shared seed-date grid, newest first', async () => {
      const answer = await call(backend, 'GET', '/v1/campaigns');
      expect(answer.status).toBe(200);
      expect(answer.body.next_cursor).toBeNull();
      const campaigns = answer.body.data as Array<Record<string, string>>;
      expect(campaigns).toHaveLength(10);
      const expectedTimes = Array.from({ length: 10 }, (_, i) =>
        new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + (i * 4 + 3) * 6 * DAY + 3 * 37 * 60_000).toISOString(),
      ).reverse();
      expect(campaigns.map((c) => c.created_at)).toEqual(expectedTimes);
      expect(campaigns[0]).toEqual({
        _id: 'cmp_5eed0000000000000000000a',
        name: 'Loyalty Tier Upgrade',
        status: 'paused',
        channel_type: 'sms',
        created_at: '2026-08-27T10:51:00.000Z',
        updated_at: '2026-09-08T10:51:00.000Z',
      });
      for (const campaign of campaigns) {
        expect(campaign._id).toMatch(/^cmp_[0-9a-f]{24}$/);
        expect(Date.parse(campaign.updated_at!)).toBeGreaterThan(Date.parse(campaign.created_at!));
      }
      expect(new Set(campaigns.map((c) => c.channel_type))).toEqual(new Set(['whatsapp', 'email', 'sms']));
      expect(new Set(campaigns.map((c) => c.status))).toEqual(new Set(['draft', 'active', 'paused', 'completed']));
    });

    it('gives every campaign two to five touchpoints of mixed types, numbered from 0', async () => {
      const { body } = await call(backend, 'GET', '/v1/campaigns');
      const types = new Set<string>();
      let stringMessages = 0;
      let objectMessages = 0;
      for (const campaign of body.data) {
        const answer = await call(backend, 'GET', `/v1/touchpoints?campaign_id=${campaign._id}`);
        const touchpoints = answer.body.data as Array<{ _id: string; type: string; position: number; message: unknown; campaign_id: string }>;
        expect(touchpoints.length).toBeGreaterThanOrEqual(2);
        expect(touchpoints.length).toBeLessThanOrEqual(5);
        expect(touchpoints.map((t) => t.position)).toEqual(touchpoints.map((_, i) => i));
        for (const touchpoint of touchpoints) {
          expect(touchpoint._id).toMatch(/^tp_[0-9a-f]{24}$/);
          expect(touchpoint.campaign_id).toBe(campaign._id);
          types.add(touchpoint.type);
          if (typeof touchpoint.message === 'string') stringMessages++;
          else objectMessages++;
        }
      }
      expect(types).toEqual(new Set(['message', 'action', 'delay']));
      expect(stringMessages).toBeGreaterThan(0);
      expect(objectMessages).toBeGreaterThan(0);
    });

    it('uses the same ids on every start, and none with seed: false', async () => {
      const again = await startTouchpointBackend();
      const empty = await startTouchpointBackend({ seed: false });
      try {
        const first = await call(backend, 'GET', '/v1/touchpoints?limit=100');
        const second = await call(again, 'GET', '/v1/touchpoints?limit=100');
        expect(second.body.data.map((t: { _id: string }) => t._id)).toEqual(first.body.data.map((t: { _id: string }) => t._id));
        expect((await call(empty, 'GET', '/v1/campaigns')).body).toEqual({ data: [], next_cursor: null });
        expect((await call(empty, 'GET', '/v1/touchpoints')).body).toEqual({ data: [], next_cursor: null });
      } finally {
        await again.close();
        await empty.close();
      }
    });
  });

  describe('authentication', () => {
    it('refuses a request without a bearer token', async () => {
      const answer = await call(backend, 'GET', '/v1/campaigns', undefined, { token: null });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: { code: 'unauthorized', message: 'No bearer token was sent; send the header Authorization: Bearer <token>.' },
      });
    });

    it('refuses a wrong token, and another auth scheme', async () => {
      const wrong = await call(backend, 'GET', '/v1/campaigns', undefined, { token: 'nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'The bearer token is not valid.' } });
      const basic = await call(backend, 'GET', '/v1/campaigns', undefined, {
        token: null,
        headers: { authorization: 'Basic tp-demo-token' },
      });
      expect(basic.status).toBe(401);
      expect(basic.body).toEqual({ error: { code: 'unauthorized', message: 'The bearer token is not valid.' } });
    });

    it('checks credentials before routing, so unknown paths are 401 too', async () => {
      const answer = await call(backend, 'GET', '/v1/nothing-here', undefined, { token: null });
      expect(answer.status).toBe(401);
    });

    it('accepts the scheme in any case', async () => {
      const answer = await call(backend, 'GET', '/v1/campaigns?limit=1', undefined, {
        token: null,
        headers: { authorization: 'bearer tp-demo-token' },
      });
      expect(answer.status).toBe(200);
    });

    it('takes its token from the options', async () => {
      const custom = await startTouchpointBackend({ token: 'secret-123', seed: false });
      try {
        expect(custom.credentials).toEqual({ token: 'secret-123' });
        expect((await call(custom, 'GET', '/v1/campaigns')).status).toBe(200);
        expect((await call(custom, 'GET', '/v1/campaigns', undefined, { token: 'tp-demo-token' })).status).toBe(401);
      } finally {
        await custom.close();
      }
    });
  });

  describe('requests it cannot route or read', () => {
    it('answers 404 not_found for an unknown path or method', async () => {
      const expected = { error: { code: 'not_found', message: 'There is no such endpoint.' } };
      const path = await call(backend, 'GET', '/v1/audiences');
      expect(path.status).toBe(404);
      expect(path.body).toEqual(expected);
      const method = await call(backend, 'PUT', '/v1/campaigns');
      expect(method.status).toBe(404);
      expect(method.body).toEqual(expected);
      const noCampaignUpdate = await call(backend, 'PATCH', '/v1/campaigns/cmp_5eed00000000000000000001', { name: 'x' });
      expect(noCampaignUpdate.status).toBe(404);
      expect(noCampaignUpdate.body).toEqual(expected);
    });

    it('answers 400 invalid_request to malformed JSON', async () => {
      const answer = await call(backend, 'POST', '/v1/campaigns', undefined, { rawBody: '{"name": "Oops",' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid_request', message: 'The request body is not valid JSON.' } });
      const empty = await call(backend, 'POST', '/v1/touchpoints', undefined, { rawBody: '' });
      expect(empty.status).toBe(400);
      expect(empty.body).toEqual({ error: { code: 'invalid_request', message: 'The request body is not valid JSON.' } });
    });

    it('answers 400 invalid_request to a body that is not an object', async () => {
      const answer = await call(backend, 'POST', '/v1/campaigns', ['Spring', 'email']);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid_request', message: 'The request body must be a JSON object.' } });
    });
  });

  describe('fault switches', () => {
    it('answers 500 for the next request only with a counted status500', async () => {
      await backend.faults.set({ kind: 'status500', times: 1 });
      expect((await call(backend, 'GET', '/v1/campaigns')).status).toBe(500);
      expect((await call(backend, 'GET', '/v1/campaigns')).status).toBe(200);
    });

    it('answers 429 with Retry-After while rate limiting', async () => {
      await backend.faults.set({ kind: 'rateLimit', retryAfterSeconds: 7 });
      const answer = await call(backend, 'GET', '/v1/touchpoints');
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('7');
    });

    it('answers an HTML page and a forced 401 when told to', async () => {
      await backend.faults.set({ kind: 'nonJson', times: 1 });
      const html = await call(backend, 'GET', '/v1/campaigns');
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toBe('text/html');
      expect(html.text).toContain('502 Bad Gateway');
      await backend.faults.set({ kind: 'unauthorized', times: 1 });
      const refused = await call(backend, 'GET', '/v1/campaigns');
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ error: { code: 'unauthorized', message: 'The bearer token is not valid.' } });
    });

    it('logs every request for counting upstream calls', async () => {
      backend.requests.clear();
      await call(backend, 'GET', '/v1/campaigns?limit=2');
      await call(backend, 'GET', '/v1/campaigns/cmp_5eed00000000000000000001');
      expect(backend.requests.count({ method: 'GET', path: '/v1/campaigns' })).toBe(1);
      expect(backend.requests.count({ path: /^\/v1\/campaigns\// })).toBe(1);
      expect(backend.requests.list()[0]?.query).toEqual({ limit: '2' });
    });
  });
});
