import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendHttpClient, type BackendHttpClientOptions } from '../../../src/adapters/http/backend-client.js';
import { ConfigError, parseConfig } from '../../../src/config/load-config.js';
import { answer, startFakeUpstream, type FakeUpstream } from './fake-upstream.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(handler: FakeUpstream['handler'], options: Partial<BackendHttpClientOptions> = {}) {
  const upstream = await startFakeUpstream(handler);
  const client = new BackendHttpClient({ backend: 'fake', baseUrl: upstream.url, headers: {}, timeoutMs: 500, retries: 0, ...options });
  cleanups.push(() => upstream.close(), () => client.close());
  return { upstream, client, get: () => client.request({ method: 'GET', path: '/things' }) };
}

const parse = (backend: Record<string, unknown>) =>
  parseConfig(
    { backends: [{ name: 'b', kind: 'v2', baseUrl: 'http://127.0.0.1:1', apiKey: 'k', ...backend }] },
    { env: {} },
  ).backends[0]!;

describe('breaker config', () => {
  it('defaults to 50 % of at least 5 attempts in 10 s, and a 5 s cooldown', () => {
    expect(parse({}).breaker).toEqual({ errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 5000, rollingWindowMs: 10_000 });
  });

  it('takes per-backend values, keeping the defaults of the fields not given', () => {
    expect(parse({ breaker: { volumeThreshold: 20, resetTimeoutMs: 30_000 } }).breaker).toEqual({
      errorThresholdPercentage: 50,
      volumeThreshold: 20,
      resetTimeoutMs: 30_000,
      rollingWindowMs: 10_000,
    });
  });

  it('refuses nonsense with the path of each problem', () => {
    try {
      parse({ breaker: { volumeThreshold: 0, errorThresholdPercentage: 150, cooldown: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('backends[0].breaker');
      expect(problems).toContain('backends[0].breaker.volumeThreshold');
      expect(problems).toContain('backends[0].breaker.errorThresholdPercentage');
    }
  });
});

describe('the circuit breaker of one backend', () => {
  it('opens after volumeThreshold failures, then fails fast without sending, then probes and closes', async () => {
    const { upstream, client, get } = await setup(answer(500), { breaker: { volumeThreshold: 2, resetTimeoutMs: 300 } });
    await expect(get()).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'fake' });
    await expect(get()).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(client.circuitState).toBe('open');

    await expect(get()).rejects.toThrow('backend "fake" is unavailable (circuit open)');
    expect(upstream.requests).toBe(2);

    upstream.handler = answer(200, { ok: true });
    await sleep(350);
    expect(client.circuitState).toBe('half-open');
    await expect(get()).resolves.toMatchObject({ status: 200, body: { ok: true } });
    expect(client.circuitState).toBe('closed');
    expect(upstream.requests).toBe(3);
  });

  it('counts refused connections and timeouts as failures', async () => {
    const { upstream, client, get } = await setup((_req, res) => setTimeout(() => res.end('{}'), 1000), {
      timeoutMs: 100,
      breaker: { volumeThreshold: 2, resetTimeoutMs: 60_000 },
    });
    await expect(get()).rejects.toThrow('did not answer in time');
    await upstream.close();
    await expect(get()).rejects.toThrow('could not be reached');
    expect(client.circuitState).toBe('open');
  });

  it('does not count answers that say nothing about the backend’s health: 4xx, 401, a body that is not JSON', async () => {
    const { upstream, client, get } = await setup(answer(404, { error: 'no such thing' }), { breaker: { volumeThreshold: 2 } });
    for (let i = 0; i < 4; i += 1) await expect(get()).resolves.toMatchObject({ status: 404 });
    upstream.handler = answer(401);
    for (let i = 0; i < 4; i += 1) await expect(get()).rejects.toMatchObject({ code: 'BACKEND_UNAUTHORIZED' });
    upstream.handler = (_req, res) => res.end('<html>');
    for (let i = 0; i < 4; i += 1) await expect(get()).rejects.toMatchObject({ code: 'BACKEND_ERROR' });
    expect(client.circuitState).toBe('closed');
    expect(upstream.requests).toBe(12);
  });

  it('does not count calls the caller aborted', async () => {
    const { upstream, client } = await setup((_req, res) => setTimeout(() => res.end('{}'), 1000), { breaker: { volumeThreshold: 2 } });
    for (let i = 0; i < 4; i += 1) {
      const caller = new AbortController();
      const call = client.request({ method: 'GET', path: '/slow' }, { signal: caller.signal });
      await sleep(30);
      caller.abort();
      await expect(call).rejects.toThrow();
    }
    expect(client.circuitState).toBe('closed');
    expect(upstream.requests).toBe(4);
  });

  it('is not retried while open: a read with retries left still fails at once', async () => {
    const { upstream, client } = await setup(answer(503), { retries: 3, backoff: { baseMs: 1, maxMs: 1 }, breaker: { volumeThreshold: 2, resetTimeoutMs: 60_000 } });
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    // Two attempts opened it; the remaining retries were not spent on an open breaker.
    expect(upstream.requests).toBe(2);
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toThrow('circuit open');
    expect(upstream.requests).toBe(2);
  });
});
