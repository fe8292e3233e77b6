import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BackendSet } from '../../src/gateway/backend-set.js';
import { DeliveryStatsHub } from '../../src/live/delivery-stats-hub.js';
import { MemoryLatestReadings } from '../../src/live/latest-readings.js';
import { createMemoryBus } from '../../src/live/live-bus.js';
import type { PollLease } from '../../src/live/poll-lease.js';
import type { LiveDeliveryStats } from '../../src/live/stats-event.js';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import { sleep, waitFor } from './support/live-clients.js';
import { createAdapters, drain, startBackends, V2 } from './support/live-gateway.js';

const POLL_MS = 100;
const CAMPAIGN = { backend: V2, nativeId: '388' };

let backends: ReferenceBackendSet;
let adapters: BackendSet;

beforeAll(async () => {
  backends = await startBackends();
  adapters = createAdapters(backends);
});
afterAll(async () => {
  await adapters?.close();
  await backends?.close();
});

it('a replica whose events never arrive (pub/sub lost them) still shows each change, from the reading the polling replica keeps', async () => {
  // Two replicas share the kept readings but not the bus: every event from the poller is lost to the other one.
  const latest = new MemoryLatestReadings(10_000);
  const always: PollLease = { acquire: async () => true, release: async () => {}, ttlMs: 1000 };
  const never: PollLease = { acquire: async () => false, release: async () => {}, ttlMs: 1000 };
  const polling = new DeliveryStatsHub({ backends: adapters, bus: createMemoryBus(), lease: always, latest, pollIntervalMs: POLL_MS });
  const cutOff = new DeliveryStatsHub({ backends: adapters, bus: createMemoryBus(), lease: never, latest, pollIntervalMs: POLL_MS });

  const onPolling: LiveDeliveryStats[] = [];
  const onCutOff: LiveDeliveryStats[] = [];
  void drain(await polling.subscribe(CAMPAIGN), onPolling);
  void drain(await cutOff.subscribe(CAMPAIGN), onCutOff);
  await waitFor(() => onPolling.length === 1 && onCutOff.length === 1, 'first values');
  expect(cutOff.counters).toMatchObject({ polls: 0, firstReads: 0, keptStarts: 1 });

  for (let tick = 0; tick < 20 && onPolling.length < 3; tick++) {
    backends.v2.advance(1);
    await sleep(POLL_MS * 2);
  }
  expect(onPolling).toHaveLength(3);
  await waitFor(() => onCutOff.length === 3, 'the cut-off replica to catch up');
  expect(onCutOff).toEqual(onPolling);
  expect(cutOff.counters.polls).toBe(0);
  expect(cutOff.counters.reconciled).toBe(2);

  await Promise.all([polling.close(), cutOff.close()]);
});
