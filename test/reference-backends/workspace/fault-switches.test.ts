import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceBackend,
  type WorkspaceReferenceBackend,
} from '../../../src/reference-backends/workspace/index.js';
import { workspaceClient } from './workspace-client.js';

const INTERNAL_ERROR = { error: 'internal server error' };

describe('workspace reference backend: fault switches and request log', () => {
  let backend: WorkspaceReferenceBackend;
  let call: ReturnType<typeof workspaceClient>;
  const listPath = '/api/workspaces/ws_demo/campaigns';

  beforeAll(async () => {
    backend = await startWorkspaceBackend();
    call = workspaceClient(backend);
  });
  afterEach(async () => {
    await backend.faults.clear();
    backend.requests.clear();
  });
  afterAll(() => backend.close());

  const list = () => call('GET', '/campaigns');

  /**
   * A request on a new connection. A pooled keep-alive connection that the refuse
   * fault has just dropped fails with `UND_ERR_SOCKET` instead, which is not what
   * these tests are about.
   */
  async function requestOnNewConnection() {
    const agent = new Agent();
    try {
      const response = await request(`${backend.url}${listPath}`, {
        dispatcher: agent,
        headers: { authorization: `Bearer ${backend.credentials.sessionToken}` },
      });
      await response.body.dump();
      return response.statusCode;
    } finally {
      await agent.close();
    }
  }

  describe('latency', () => {
    it('delays the answer, which is otherwise normal', async () => {
      await backend.faults.set({ kind: 'latency', ms: 300 });
      const started = performance.now();
      const answer = await list();
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
      expect(answer.status).toBe(200);
      expect(answer.json).toHaveLength(10);
      expect(backend.faults.isOn('latency')).toBe(true);
    });

    it('combines with an answer fault: delayed, then 500', async () => {
      await backend.faults.set({ kind: 'status500' });
      await backend.faults.set({ kind: 'latency', ms: 200 });
      const started = performance.now();
      const answer = await list();
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
      expect(answer.status).toBe(500);
      expect(answer.json).toEqual(INTERNAL_ERROR);
    });

    it('with times applies to that many requests only', async () => {
      await backend.faults.set({ kind: 'latency', ms: 50, times: 2 });
      await list();
      expect(backend.faults.isOn('latency')).toBe(true);
      await list();
      expect(backend.faults.isOn('latency')).toBe(false);
    });
  });

  describe('refuse', () => {
    it('refuses connections until cleared, then serves again on the same URL', async () => {
      await backend.faults.set({ kind: 'refuse' });
      expect(backend.faults.isOn('refuse')).toBe(true);
      await expect(requestOnNewConnection()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await expect(requestOnNewConnection()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(backend.requests.count()).toBe(0);

      await backend.faults.clear('refuse');
      expect(backend.faults.isOn('refuse')).toBe(false);
      const answer = await list();
      expect(answer.status).toBe(200);
      expect(answer.json).toHaveLength(10);
    });

    it('is cleared by clear() without an argument too, and setting it twice is harmless', async () => {
      await backend.faults.set({ kind: 'refuse' });
      await backend.faults.set({ kind: 'refuse' });
      await expect(requestOnNewConnection()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await backend.faults.clear();
      expect(await requestOnNewConnection()).toBe(200);
      expect((await list()).status).toBe(200);
    });
  });

  describe('status500', () => {
    it('answers 500 with a JSON error to every request until cleared', async () => {
      await backend.faults.set({ kind: 'status500' });
      for (let i = 0; i < 3; i++) {
        const answer = await list();
        expect(answer.status).toBe(500);
        expect(answer.headers['content-type']).toBe('application/json');
        expect(answer.json).toEqual(INTERNAL_ERROR);
      }
      await backend.faults.clear('status500');
      expect((await list()).status).toBe(200);
    });

    it('answers before authentication and routing, and changes nothing', async () => {
      await backend.faults.set({ kind: 'status500' });
      const anonymous = await workspaceClient(backend, { authorization: null })('GET', '/campaigns');
      expect(anonymous.status).toBe(500);
      const created = await call('POST', '/campaigns', { name: 'x', type: 'AUTOMATED', workflow: { nodes: [] } });
      expect(created.status).toBe(500);
      const unknown = await call('GET', '/no/such/route');
      expect(unknown.status).toBe(500);
      await backend.faults.clear();
      expect((await list()).json).toHaveLength(10);
    });
  });

  describe('rateLimit', () => {
    it('answers 429 with Retry-After 1 by default', async () => {
      await backend.faults.set({ kind: 'rateLimit' });
      const answer = await list();
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.json).toEqual({ error: 'too many requests' });
    });

    it('sends the configured Retry-After, and a new setting replaces the old one', async () => {
      await backend.faults.set({ kind: 'rateLimit', retryAfterSeconds: 7 });
      expect((await list()).headers['retry-after']).toBe('7');
      await backend.faults.set({ kind: 'rateLimit', retryAfterSeconds: 30 });
      const answer = await list();
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('30');
    });
  });

  describe('nonJson', () => {
    it('answers 200 with an HTML page, as a misbehaving proxy would', async () => {
      await backend.faults.set({ kind: 'nonJson' });
      const answer = await list();
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html');
      expect(answer.text).toMatch(/^<html>.*502 Bad Gateway.*<\/html>$/);
      expect(() => answer.json).toThrow(SyntaxError);
    });
  });

  describe('unauthorized', () => {
    it('answers the contract 401 even with the right token', async () => {
      await backend.faults.set({ kind: 'unauthorized' });
      const answer = await list();
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: 'Unauthorized' });
      await backend.faults.clear('unauthorized');
      expect((await list()).status).toBe(200);
    });
  });

  describe('times', () => {
    it('applies a counted fault to the next n requests, then switches it off', async () => {
      await backend.faults.set({ kind: 'status500', times: 2 });
      expect((await list()).status).toBe(500);
      expect(backend.faults.isOn('status500')).toBe(true);
      expect((await list()).status).toBe(500);
      expect(backend.faults.isOn('status500')).toBe(false);
      expect((await list()).status).toBe(200);
    });

    it('counts each fault on its own', async () => {
      await backend.faults.set({ kind: 'unauthorized', times: 1 });
      await backend.faults.set({ kind: 'latency', ms: 10, times: 3 });
      expect((await list()).status).toBe(401);
      expect((await list()).status).toBe(200);
      expect(backend.faults.isOn('latency')).toBe(true);
      await list();
      expect(backend.faults.isOn('latency')).toBe(false);
    });

    it('works for rateLimit and nonJson', async () => {
      await backend.faults.set({ kind: 'rateLimit', retryAfterSeconds: 2, times: 1 });
      const limited = await list();
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('2');
      expect((await list()).status).toBe(200);

      await backend.faults.set({ kind: 'nonJson', times: 1 });
      expect((await list()).headers['content-type']).toBe('text/html');
      expect((await list()).json).toHaveLength(10);
    });

    it('restarts the count when the same kind is set again', async () => {
      await backend.faults.set({ kind: 'status500', times: 1 });
      await backend.faults.set({ kind: 'status500', times: 2 });
      expect((await list()).status).toBe(500);
      expect((await list()).status).toBe(500);
      expect((await list()).status).toBe(200);
    });

    it('without times a fault stays on', async () => {
      await backend.faults.set({ kind: 'nonJson' });
      for (let i = 0; i < 4; i++) expect((await list()).status).toBe(200);
      expect(backend.faults.isOn('nonJson')).toBe(true);
    });
  });

  describe('clear', () => {
    it('clears one kind with an argument and every kind without', async () => {
      await backend.faults.set({ kind: 'status500' });
      await backend.faults.set({ kind: 'latency', ms: 5 });
      await backend.faults.clear('status500');
      expect(backend.faults.isOn('status500')).toBe(false);
      expect(backend.faults.isOn('latency')).toBe(true);
      expect((await list()).status).toBe(200);
      await backend.faults.set({ kind: 'rateLimit' });
      await backend.faults.clear();
      expect(['latency', 'rateLimit', 'status500'].some((kind) => backend.faults.isOn(kind as 'latency'))).toBe(false);
      expect((await list()).status).toBe(200);
    });
  });

  describe('request log', () => {
    it('records every request that arrives, in order, with method, path and query', async () => {
      const before = Date.now();
      await list();
      await call('GET', '/campaigns/cmp_welcome_series?include=all&include=everything');
      await call('POST', '/campaigns/cmp_welcome_series/execute', { action: 'process_trigger', triggerType: 'MANUAL' });
      expect(backend.requests.entries.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
        { method: 'GET', path: listPath, query: {} },
        { method: 'GET', path: `${listPath}/cmp_welcome_series`, query: { include: 'everything' } },
        { method: 'POST', path: `${listPath}/cmp_welcome_series/execute`, query: {} },
      ]);
      for (const entry of backend.requests.entries) {
        expect(entry.at).toBeGreaterThanOrEqual(before);
        expect(entry.at).toBeLessThanOrEqual(Date.now());
      }
    });

    it('counts by method, exact path and path pattern', async () => {
      await list();
      await list();
      await call('GET', '/campaigns/cmp_spring_sale');
      await call('PATCH', '/campaigns/cmp_spring_sale', { name: 'Spring Sale 2026' });
      expect(backend.requests.count()).toBe(4);
      expect(backend.requests.count({ method: 'GET' })).toBe(3);
      expect(backend.requests.count({ method: 'patch' })).toBe(1);
      expect(backend.requests.count({ path: listPath })).toBe(2);
      expect(backend.requests.count({ path: /\/campaigns\/cmp_spring_sale$/ })).toBe(2);
      expect(backend.requests.count({ method: 'GET', path: /cmp_spring_sale/ })).toBe(1);
      expect(backend.requests.list({ method: 'PATCH' })[0]?.path).toBe(`${listPath}/cmp_spring_sale`);
    });

    it('records refused credentials, unknown routes and faulted answers too', async () => {
      await workspaceClient(backend, { authorization: 'Bearer nope' })('GET', '/campaigns');
      await call('GET', '/nowhere');
      await backend.faults.set({ kind: 'status500', times: 1 });
      await list();
      expect(backend.requests.count()).toBe(3);
      expect(backend.requests.count({ path: listPath })).toBe(2);
    });

    it('starts over after clear()', async () => {
      await list();
      backend.requests.clear();
      expect(backend.requests.count()).toBe(0);
      expect(backend.requests.entries).toEqual([]);
      await list();
      expect(backend.requests.count()).toBe(1);
    });
  });
});
