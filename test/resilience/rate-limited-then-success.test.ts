import { afterAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { allCampaigns, type ListedNode } from './support/backends.js';

const GET_ALL = { path: '/v2/campaign/getAll' };

const started: GatewayHarness[] = [];
afterAll(() => Promise.all(started.map((h) => h.close())));

/** A harness whose v2 backend has its own timeout and retries; the others keep the defaults. */
async function harnessWithV2(timeoutMs: number, retries: number): Promise<{ harness: GatewayHarness; healthy: ListedNode[] }> {
  const harness = await startGatewayHarness({ backendEntry: (e) => (e.kind === 'v2' ? { ...e, timeoutMs, retries } : e) });
  started.push(harness);
  const healthy = (await allCampaigns(harness)).nodes;
  harness.clearUpstreamRequests();
  return { harness, healthy };
}

describe('a backend answering 429 with Retry-After', () => {
  it('is retried after Retry-After: 0 and the answer has no error', async () => {
    const { harness, healthy } = await harnessWithV2(300, 2);
    await harness.backends.v2.faults.set({ kind: 'rateLimit', retryAfterSeconds: 0, times: 1 });
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([]);
    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.map((n) => n.id));
    expect(harness.backends.v2.requests.count(GET_ALL)).toBe(2);
  });

  it('is retried as often as configured, each retry one more request', async () => {
    const { harness, healthy } = await harnessWithV2(300, 2);
    await harness.backends.v2.faults.set({ kind: 'rateLimit', retryAfterSeconds: 0, times: 2 });
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([]);
    expect(answer.nodes).toHaveLength(healthy.length);
    expect(harness.backends.v2.requests.count(GET_ALL)).toBe(3);
  });

  it('waits the Retry-After of 1 s when the budget has room for it and one more attempt', async () => {
    // Budget: 2 × 2000 ms + 100 ms backoff; 1 s of waiting plus one 2 s attempt fits.
    const { harness, healthy } = await harnessWithV2(2000, 1);
    await harness.backends.v2.faults.set({ kind: 'rateLimit', retryAfterSeconds: 1, times: 1 });
    const before = performance.now();
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([]);
    expect(answer.nodes).toHaveLength(healthy.length);
    expect(harness.backends.v2.requests.count(GET_ALL)).toBe(2);
    // The retry honoured the header instead of the (at most 100 ms) backoff.
    expect(performance.now() - before).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once with BACKEND_UNAVAILABLE when Retry-After is longer than what is left of the budget', async () => {
    // Budget: 3 × 300 ms + 300 ms backoff = 1.2 s; the backend asks for 5 s.
    const { harness, healthy } = await harnessWithV2(300, 2);
    await harness.backends.v2.faults.set({ kind: 'rateLimit', retryAfterSeconds: 5, times: 1 });
    const before = performance.now();
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([
      {
        message: 'backend "broadcast" is rate-limiting the gateway (429)',
        path: ['campaigns'],
        extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'broadcast' },
      },
    ]);
    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.backend.name !== 'broadcast').map((n) => n.id));
    expect(harness.backends.v2.requests.count(GET_ALL)).toBe(1);
    expect(performance.now() - before).toBeLessThan(4000);
  });

  it('answers BACKEND_UNAVAILABLE when the backend is still rate-limiting after every retry', async () => {
    const { harness } = await harnessWithV2(300, 2);
    await harness.backends.v2.faults.set({ kind: 'rateLimit', retryAfterSeconds: 0, times: 3 });
    const answer = await allCampaigns(harness);
    expect(answer.errors.map((e) => [e.extensions?.code, e.extensions?.backend])).toEqual([['BACKEND_UNAVAILABLE', 'broadcast']]);
    expect(harness.backends.v2.requests.count(GET_ALL)).toBe(3);
  });
});
