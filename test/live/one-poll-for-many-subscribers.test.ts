import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryStatsHub } from '../../src/live/delivery-stats-hub.js';
import type { LiveDeliveryStats } from '../../src/live/stats-event.js';
import type { BackendSet } from '../../src/gateway/backend-set.js';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { sleep, subscribeWs, waitFor, wsClient, type LiveSubscription } from './support/live-clients.js';
import { createAdapters, drain, startBackends, startLiveGateway, V2, v2Reads } from './support/live-gateway.js';

const POLL_MS = 100;
const SUBSCRIBERS = 500;
const CAMPAIGN = { backend: V2, nativeId: '388' };

/** getAll requests during `ms` of wall time, and how many poll intervals that was. */
async function readsDuring(backends: ReferenceBackendSet, ms: number): Promise<{ reads: number; intervals: number }> {
  const before = v2Reads(backends);
  const started = Date.now();
  await sleep(ms);
  return { reads: v2Reads(backends) - before, intervals: (Date.now() - started) / POLL_MS };
}

/** Advances one tick at a time until a subscriber sees a change (the poller reads every tick's state). */
async function advanceUntilEvent(backends: ReferenceBackendSet, seen: () => number): Promise<void> {
  const before = seen();
  for (let tick = 0; tick < 20; tick++) {
    backends.v2.advance(1);
    await sleep(POLL_MS * 3);
    if (seen() > before) return;
  }
  throw new Error('no change in 20 ticks');
}

describe('500 subscribers to one campaign, through the hub', () => {
  let backends: ReferenceBackendSet;
  let adapters: BackendSet;
  let hub: DeliveryStatsHub;

  beforeAll(async () => {
    backends = await startBackends();
    adapters = createAdapters(backends);
    hub = new DeliveryStatsHub({ backends: adapters, pollIntervalMs: POLL_MS });
  });
  afterAll(async () => {
    await hub?.close();
    await adapters?.close();
    await backends?.close();
  });

  it('share one first read and one upstream poll per interval; each gets each change once; closing them stops polling', async () => {
    const streams = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => hub.subscribe(CAMPAIGN)));
    const received = streams.map(() => [] as LiveDeliveryStats[]);
    const loops = streams.map((stream, i) => drain(stream, received[i]!));
    await waitFor(() => received.every((r) => r.length === 1), 'every first value');
    expect(hub.counters.firstReads).toBe(1);
    expect(hub.watchedCount).toBe(1);
    expect(hub.subscriberCount).toBe(SUBSCRIBERS);

    const { reads, intervals } = await readsDuring(backends, POLL_MS * 8);
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(reads).toBeLessThanOrEqual(Math.ceil(intervals) + 1);

    await advanceUntilEvent(backends, () => received[0]!.length);
    await waitFor(() => received.every((r) => r.length === 2), 'the change on every stream');
    await sleep(POLL_MS * 3);
    expect(received.every((r) => r.length === 2)).toBe(true);

    await Promise.all(streams.map((s) => s.return!()));
    await Promise.all(loops);
    expect(hub.watchedCount).toBe(0);
    expect(hub.subscriberCount).toBe(0);
    expect((await readsDuring(backends, POLL_MS * 5)).reads).toBe(0);
  });
});

describe('500 subscribers to one campaign, over WebSocket', () => {
  let backends: ReferenceBackendSet;
  let gateway: RunningGateway;
  const clients: Client[] = [];

  beforeAll(async () => {
    backends = await startBackends();
    gateway = await startLiveGateway({ backends, pollIntervalMs: POLL_MS });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await gateway?.close();
    await backends?.close();
  });

  it('cause one upstream poll per interval, not one per subscriber, and none once they all unsubscribed', async () => {
    // Five sockets of a hundred subscriptions each, as a few browser tabs' worth of dashboards would open.
    for (let i = 0; i < 5; i++) clients.push(wsClient(gateway.url));
    const campaignId = Buffer.from(JSON.stringify(['Campaign', CAMPAIGN.backend, CAMPAIGN.nativeId])).toString('base64url');
    const subscriptions: LiveSubscription[] = Array.from({ length: SUBSCRIBERS }, (_, i) => subscribeWs(clients[i % 5]!, { campaignId }));
    await waitFor(() => subscriptions.every((s) => s.results.length === 1), 'every first value', 15_000);
    expect(subscriptions.every((s) => s.results[0]!.errors === undefined)).toBe(true);
    expect(gateway.live.subscriberCount).toBe(SUBSCRIBERS);
    expect(gateway.live.counters.firstReads).toBe(1);

    const { reads, intervals } = await readsDuring(backends, POLL_MS * 8);
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(reads).toBeLessThanOrEqual(Math.ceil(intervals) + 1);

    await advanceUntilEvent(backends, () => subscriptions[0]!.results.length);
    await waitFor(() => subscriptions.every((s) => s.results.length === 2), 'the change on every subscription', 10_000);
    await sleep(POLL_MS * 3);
    expect(subscriptions.every((s) => s.results.length === 2)).toBe(true);

    for (const subscription of subscriptions) subscription.close();
    await waitFor(() => gateway.live.watchedCount === 0, 'the watch to stop', 10_000);
    expect(gateway.live.subscriberCount).toBe(0);
    // A read already on its way when the last subscriber left may still land (seen on a loaded
    // machine); none may start after it, so the count starts one interval later.
    await sleep(POLL_MS);
    expect((await readsDuring(backends, POLL_MS * 5)).reads).toBe(0);
  });
});
