import { afterEach, describe, expect, it } from 'vitest';
import { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import { MAX_UPSTREAM_BODY_BYTES, MAX_UPSTREAM_URL_BYTES } from '../../../src/adapters/http/outgoing-limits.js';
import { answer, startFakeUpstream } from './fake-upstream.js';

/**
 * A request the gateway should never send (a URL or body so large that a
 * backend or a proxy before it resets the connection) is refused before it is
 * sent: `BAD_USER_INPUT`, nothing upstream, nothing for the circuit breaker.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const upstream = await startFakeUpstream(answer(200, { ok: true }));
  const client = new BackendHttpClient({ backend: 'growth', baseUrl: upstream.url, headers: {}, timeoutMs: 500, retries: 2, breaker: { volumeThreshold: 2 } });
  cleanups.push(() => upstream.close(), () => client.close());
  return { upstream, client };
}

describe('requests the gateway should not send', () => {
  it('a URL over 8 KiB, ten times over: BAD_USER_INPUT naming the backend each time, nothing sent, the breaker closed', async () => {
    const { upstream, client } = await setup();
    for (let i = 0; i < 10; i += 1) {
      await expect(client.request({ method: 'GET', path: `/campaigns/${'x'.repeat(20_000)}` })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        backend: 'growth',
        message: expect.stringContaining(`at most ${MAX_UPSTREAM_URL_BYTES}`),
      });
    }
    expect(upstream.requests).toBe(0);
    expect(client.circuitState).toBe('closed');
    await expect(client.request({ method: 'GET', path: '/campaigns/ok' })).resolves.toMatchObject({ status: 200 });
  });

  it('a body over 1 MiB, or one too deep to write as JSON: BAD_USER_INPUT, nothing sent', async () => {
    const { upstream, client } = await setup();
    await expect(client.request({ method: 'PATCH', path: '/campaigns/1', body: { settings: 'x'.repeat(MAX_UPSTREAM_BODY_BYTES) } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      backend: 'growth',
    });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    await expect(client.request({ method: 'POST', path: '/campaigns', body: deep })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(upstream.requests).toBe(0);
    expect(client.circuitState).toBe('closed');
  });

  it('a URL just within the limit is sent', async () => {
    const { upstream, client } = await setup();
    const path = `/c/${'x'.repeat(MAX_UPSTREAM_URL_BYTES - upstream.url.length - 3)}`;
    await expect(client.request({ method: 'GET', path })).resolves.toMatchObject({ status: 200 });
    expect(upstream.requests).toBe(1);
  });
});
