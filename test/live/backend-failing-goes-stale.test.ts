import { afterEach, expect, it } from 'vitest';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { subscribeSse, sleep, waitFor } from './support/live-clients.js';
import { DELIVERING_V2_CAMPAIGN, startBackends, startLiveGateway, v2Reads } from './support/live-gateway.js';

const POLL_MS = 100;

let backends: ReferenceBackendSet | undefined;
let gateway: RunningGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  await backends?.close();
  gateway = backends = undefined;
});

/** A gateway whose v2 reads are not retried, so one poll is one upstream request. */
async function start(): Promise<{ backends: ReferenceBackendSet; gateway: RunningGateway }> {
  backends = await startBackends();
  gateway = await startLiveGateway({
    backends,
    pollIntervalMs: POLL_MS,
    backendEntry: (entry) => (entry.kind === 'v2' ? { ...entry, retries: 0 } : entry),
  });
  return { backends, gateway };
}

it('sends the last counters once as stale while the backend fails, keeps the stream open, and a fresh event once it answers again', async () => {
  const { backends, gateway } = await start();
  const subscription = subscribeSse(gateway.url, { campaignId: DELIVERING_V2_CAMPAIGN });
  const [first] = await subscription.waitForResults(1);
  const counters = first!.data!.deliveryStats!;
  // A few healthy polls first, so three failures stay below the circuit breaker's threshold.
  await waitFor(() => gateway.live.counters.polls >= 4, 'four healthy polls');

  const failedBefore = gateway.live.counters.failedPolls;
  const readsBefore = v2Reads(backends);
  await backends.v2.faults.set({ kind: 'status500', times: 3 });
  await subscription.waitForResults(2);
  expect(subscription.events[1]).toEqual({ ...counters, stale: true });

  await subscription.waitForResults(3, 10_000);
  expect(subscription.events[2]).toEqual({ ...counters, stale: false });
  expect(subscription.completed).toBe(false);
  // The three failing reads, then the one that answered: no retry storm, no extra stale events.
  expect(gateway.live.counters.failedPolls - failedBefore).toBe(3);
  expect(v2Reads(backends) - readsBefore).toBe(4);
  expect(subscription.events.filter((e) => e.stale)).toHaveLength(1);
  subscription.close();
});

it('backs off while the backend keeps failing instead of polling every interval', async () => {
  const { backends, gateway } = await start();
  const subscription = subscribeSse(gateway.url, { campaignId: DELIVERING_V2_CAMPAIGN });
  await subscription.waitForResults(1);

  await backends.v2.faults.set({ kind: 'status500' });
  await subscription.waitForResults(2);
  const pollsAtStale = gateway.live.counters.polls;
  const readsAtStale = v2Reads(backends);
  // Twenty intervals: every-interval polling would read twenty times; doubling waits
  // of 200, 400, 800, 1600 ms read at most three or four times.
  await sleep(POLL_MS * 20);
  const polls = gateway.live.counters.polls - pollsAtStale;
  expect(polls).toBeGreaterThanOrEqual(2);
  expect(polls).toBeLessThanOrEqual(5);
  expect(v2Reads(backends) - readsAtStale).toBeLessThanOrEqual(polls);
  // Still one stale event, and the stream is open.
  expect(subscription.results).toHaveLength(2);
  expect(subscription.completed).toBe(false);
  await backends.v2.faults.clear();
  subscription.close();
});
