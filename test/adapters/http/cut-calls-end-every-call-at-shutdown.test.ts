import { afterEach, describe, expect, it } from 'vitest';
import { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import { ShuttingDown } from '../../../src/model/errors.js';
import { startFakeUpstream } from './fake-upstream.js';

/**
 * Past the drain deadline the server cuts every upstream call through each
 * HTTP client (`cutCalls`): calls on the wire, in the pool's queue and waiting
 * to retry end at once with `ShuttingDown`, which is neither retried nor
 * counted against the backend, and no call is sent after it.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function clientOf(handler: Parameters<typeof startFakeUpstream>[0], options: Partial<ConstructorParameters<typeof BackendHttpClient>[0]> = {}) {
  const upstream = await startFakeUpstream(handler);
  const client = new BackendHttpClient({ backend: 'slow', baseUrl: upstream.url, headers: {}, ...options });
  cleanups.push(() => upstream.close(), () => client.close());
  return { upstream, client };
}

describe('cutCalls', () => {
  it('ends calls on the wire and queued in the pool at once, the breaker left closed', async () => {
    const { upstream, client } = await clientOf(() => {}, { maxConnections: 1, breaker: { volumeThreshold: 1 } });
    const calls = [1, 2, 3].map((n) => client.request({ method: 'GET', path: `/campaigns/${n}` }).catch((error: unknown) => error));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cutAt = performance.now();
    client.cutCalls();
    const errors = await Promise.all(calls);
    expect(performance.now() - cutAt).toBeLessThan(1000);
    for (const error of errors) expect(error).toBeInstanceOf(ShuttingDown);
    expect(upstream.requests).toBe(1);
    expect(client.circuitState).toBe('closed');
  });

  it('ends a call waiting out its backoff before a retry, and sends nothing after', async () => {
    // Retry-After: 3 s, so that the retry waits (backoff alone has full jitter and may wait almost nothing).
    const { upstream, client } = await clientOf((_req, res) => res.writeHead(503, { 'retry-after': '3' }).end('{}'), { retries: 2 });
    const call = client.request({ method: 'GET', path: '/campaigns/1' }).catch((error: unknown) => error);
    await expect.poll(() => upstream.requests).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.cutCalls();
    const error = await call;
    expect(error).toBeInstanceOf(ShuttingDown);
    expect((error as ShuttingDown).message).toContain('"slow"');
    await expect(client.request({ method: 'GET', path: '/campaigns/2' })).rejects.toBeInstanceOf(ShuttingDown);
    expect(upstream.requests).toBe(1);
  });
});
