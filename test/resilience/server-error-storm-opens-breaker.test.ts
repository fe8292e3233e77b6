import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { allCampaigns, type ClientError, type ListedNode } from './support/backends.js';

const STORM_QUERIES = 30;
const TIMEOUT_MS = 300;
const RETRIES = 2;
const VOLUME_THRESHOLD = 5;
const RESET_TIMEOUT_MS = 1500;

const started: GatewayHarness[] = [];
afterAll(() => Promise.all(started.map((h) => h.close())));

/** A harness whose v2 backend (`broadcast`) has a small budget and the given breaker settings. */
async function harnessWithBreaker(breaker: Record<string, number>, timeoutMs = TIMEOUT_MS, retries = RETRIES) {
  const harness = await startGatewayHarness({ backendEntry: (e) => (e.kind === 'v2' ? { ...e, timeoutMs, retries, breaker } : e) });
  started.push(harness);
  const healthy = (await allCampaigns(harness)).nodes;
  harness.clearUpstreamRequests();
  return { harness, healthy, others: (nodes: ListedNode[]) => nodes.filter((n) => n.backend.name !== 'broadcast') };
}

function onlyBroadcastUnavailable(errors: ClientError[]): void {
  expect(errors.map((e) => [e.path, e.extensions])).toEqual([[['campaigns'], { code: 'BACKEND_UNAVAILABLE', backend: 'broadcast' }]]);
}

/** Runs `count` campaign queries one after another; answers their errors and how long they took. */
async function storm(harness: GatewayHarness, healthyOthers: string[], count = STORM_QUERIES) {
  const errors: ClientError[][] = [];
  const before = performance.now();
  for (let i = 0; i < count; i += 1) {
    const answer = await allCampaigns(harness);
    // The healthy backends answer every single time.
    expect(answer.nodes.map((n) => n.id)).toEqual(healthyOthers);
    errors.push(answer.errors);
  }
  return { errors, elapsedMs: performance.now() - before };
}

describe('a storm of 500s', () => {
  it('opens the breaker: the backend sees almost no traffic while queries keep answering BACKEND_UNAVAILABLE', async () => {
    const { harness, healthy, others } = await harnessWithBreaker({ volumeThreshold: VOLUME_THRESHOLD, resetTimeoutMs: RESET_TIMEOUT_MS });
    await harness.backends.v2.faults.set({ kind: 'status500' });

    const { errors, elapsedMs } = await storm(harness, others(healthy).map((n) => n.id));

    errors.forEach(onlyBroadcastUnavailable);
    const failFast = errors.filter(([error]) => error?.message === 'backend "broadcast" is unavailable (circuit open)');
    expect(failFast.length).toBeGreaterThanOrEqual(STORM_QUERIES - 5);
    // The attempts that opened it, plus at most one probe per cooldown that passed during the storm.
    const probes = Math.floor(elapsedMs / RESET_TIMEOUT_MS) + 1;
    expect(harness.backends.v2.requests.count()).toBeLessThanOrEqual(VOLUME_THRESHOLD + probes);
  });

  it('without a breaker (a threshold never reached) every query still reaches the failing backend', async () => {
    const { harness, healthy, others } = await harnessWithBreaker({ volumeThreshold: 10_000 });
    await harness.backends.v2.faults.set({ kind: 'status500' });
    const { errors } = await storm(harness, others(healthy).map((n) => n.id));
    errors.forEach(onlyBroadcastUnavailable);
    // Each query tries at least once; the retry budget caps the retries.
    expect(harness.backends.v2.requests.count()).toBeGreaterThanOrEqual(STORM_QUERIES);
  });

  it('lets one probe through after the cooldown and closes again when the backend is healthy', async () => {
    const { harness, healthy, others } = await harnessWithBreaker({ volumeThreshold: VOLUME_THRESHOLD, resetTimeoutMs: RESET_TIMEOUT_MS });
    await harness.backends.v2.faults.set({ kind: 'status500' });
    await storm(harness, others(healthy).map((n) => n.id), 5);
    await harness.backends.v2.faults.clear();

    // Still open: the healthy backend is not asked yet.
    harness.clearUpstreamRequests();
    onlyBroadcastUnavailable((await allCampaigns(harness)).errors);
    expect(harness.backends.v2.requests.count()).toBe(0);

    await sleep(RESET_TIMEOUT_MS + 200);
    const recovered = await allCampaigns(harness);
    expect(recovered.errors).toEqual([]);
    expect(recovered.nodes.map((n) => n.id)).toEqual(healthy.map((n) => n.id));
    expect(harness.backends.v2.requests.count()).toBe(1);

    const after = await allCampaigns(harness);
    expect(after.errors).toEqual([]);
    expect(harness.backends.v2.requests.count()).toBe(2);
  });

  it('opens again at once when the probe fails', async () => {
    const { harness, healthy, others } = await harnessWithBreaker({ volumeThreshold: VOLUME_THRESHOLD, resetTimeoutMs: RESET_TIMEOUT_MS });
    await harness.backends.v2.faults.set({ kind: 'status500' });
    await storm(harness, others(healthy).map((n) => n.id), 5);

    await sleep(RESET_TIMEOUT_MS + 200);
    harness.clearUpstreamRequests();
    const probe = await allCampaigns(harness);
    expect(probe.errors[0]?.message).toBe('backend "broadcast" failed (500)');
    // One probe, not retried: a failed probe reopens the breaker.
    expect(harness.backends.v2.requests.count()).toBe(1);

    onlyBroadcastUnavailable((await allCampaigns(harness)).errors);
    expect(harness.backends.v2.requests.count()).toBe(1);
  });
});

describe('a storm of timeouts', () => {
  it('opens the breaker too, after which a query no longer waits for the timeout', async () => {
    const { harness, healthy, others } = await harnessWithBreaker({ volumeThreshold: VOLUME_THRESHOLD, resetTimeoutMs: 60_000 }, 200, 1);
    await harness.backends.v2.faults.set({ kind: 'latency', ms: 3000 });
    const ids = others(healthy).map((n) => n.id);
    // Two attempts per query: three queries reach the threshold (the healthy first query counts in the window too).
    await storm(harness, ids, 3);
    const opening = harness.backends.v2.requests.count();
    expect(opening).toBeLessThanOrEqual(VOLUME_THRESHOLD);

    const before = performance.now();
    for (let i = 0; i < 10; i += 1) {
      const result = await harness.execute('{ campaigns(filter: { backends: ["broadcast"] }) { nodes { id } } }');
      onlyBroadcastUnavailable(result.errors as unknown as ClientError[]);
    }
    const elapsedMs = performance.now() - before;
    expect(harness.backends.v2.requests.count()).toBe(opening);
    // Ten queries together took less than one attempt's timeout each would have.
    expect(elapsedMs).toBeLessThan(10 * 200);
  });
});
