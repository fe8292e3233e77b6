import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveBackplane, type LiveBackplane } from '../../src/live/create-live-backplane.js';
import { DeliveryStatsHub } from '../../src/live/delivery-stats-hub.js';
import type { BackendSet } from '../../src/gateway/backend-set.js';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { sleep, subscribeSse, subscribeWs, waitFor, wsClient } from './support/live-clients.js';
import { createAdapters, DELIVERING_V2_CAMPAIGN, startBackends, startLiveGateway, uniqueRedisPrefix, V2, v2Reads } from './support/live-gateway.js';

const POLL_MS = 100;
const CYCLES = 1000;
const CAMPAIGNS = [
  { backend: V2, nativeId: '388' },
  { backend: V2, nativeId: '387' },
];

/**
 * Subscribes and unsubscribes `CYCLES` times: mostly one after the other (the
 * watch starts and stops each time), every tenth cycle with a second,
 * overlapping subscriber, and alternating between two campaigns.
 */
async function churn(hub: DeliveryStatsHub): Promise<void> {
  for (let i = 0; i < CYCLES; i++) {
    const campaign = CAMPAIGNS[i % 2]!;
    const first = await hub.subscribe(campaign);
    const second = i % 10 === 0 ? await hub.subscribe(campaign) : null;
    expect((await first.next()).done).toBe(false);
    await first.return!();
    await second?.return!();
  }
}

/** Redis channels and keys under `prefix` (everything the gateway leaves behind). */
async function redisLeftovers(redis: Redis, prefix: string): Promise<{ channels: string[]; leases: string[] }> {
  return {
    channels: (await redis.pubsub('CHANNELS', `${prefix}*`)) as string[],
    leases: await redis.keys(`${prefix}lease:*`),
  };
}

describe('subscribe/unsubscribe churn leaves nothing behind', () => {
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

  it(`in process: ${CYCLES} cycles leave no watch, subscriber, listener or poller, and cost a handful of upstream reads`, async () => {
    const hub = new DeliveryStatsHub({ backends: adapters, pollIntervalMs: POLL_MS });
    const reads = v2Reads(backends);
    await churn(hub);
    expect({ watched: hub.watchedCount, subscribers: hub.subscriberCount, listeners: hub.listenerCount }).toEqual({ watched: 0, subscribers: 0, listeners: 0 });
    // Reads the churn started may still be on their way; once they landed, nothing polls any more.
    // Both campaigns are read through the same getAll, and identical reads in flight at once
    // share one upstream call: the backend sees at most one request per read the hub issued.
    const issued = () => hub.counters.polls + hub.counters.firstReads;
    await waitFor(() => backends.v2.hold.open === 0 && v2Reads(backends) - reads <= issued(), 'reads in flight to land');
    const settled = issued();
    await sleep(POLL_MS * 4);
    expect(issued()).toBe(settled);
    expect(v2Reads(backends) - reads).toBeLessThanOrEqual(settled);
    // New watches start from the reading the last one kept: not one read per cycle.
    expect(settled).toBeLessThan(50);
    await hub.close();
  });

  describe.skipIf(!process.env.REDIS_URL)('with Redis', () => {
    const prefix = uniqueRedisPrefix();
    let redis: Redis;
    let backplane: LiveBackplane;
    let gateway: RunningGateway | undefined;
    let client: Client | undefined;

    beforeAll(async () => {
      redis = new Redis(process.env.REDIS_URL!);
      backplane = await createLiveBackplane({ redisUrl: process.env.REDIS_URL, keyPrefix: prefix, pollIntervalMs: POLL_MS, logger: pino({ level: 'silent' }) });
    });
    afterAll(async () => {
      await client?.dispose();
      await gateway?.close();
      await backplane?.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });

    it(`${CYCLES} cycles through the hub leave no Redis subscription and no lease`, async () => {
      const hub = new DeliveryStatsHub({ backends: adapters, bus: backplane.bus, lease: backplane.lease, latest: backplane.latest, pollIntervalMs: POLL_MS });
      await churn(hub);
      expect({ watched: hub.watchedCount, subscribers: hub.subscriberCount, listeners: hub.listenerCount }).toEqual({ watched: 0, subscribers: 0, listeners: 0 });
      await hub.close();
      let leftovers = await redisLeftovers(redis, prefix);
      const deadline = Date.now() + 5000;
      while ((leftovers.channels.length > 0 || leftovers.leases.length > 0) && Date.now() < deadline) {
        await sleep(50);
        leftovers = await redisLeftovers(redis, prefix);
      }
      expect(leftovers).toEqual({ channels: [], leases: [] });
    });

    it('100 cycles over SSE and WebSocket leave no watch, listener, Redis subscription or lease', async () => {
      gateway = await startLiveGateway({ backends, pollIntervalMs: POLL_MS, config: { redisUrl: process.env.REDIS_URL, redisKeyPrefix: prefix } });
      client = wsClient(gateway.url);
      for (let i = 0; i < 50; i++) {
        const viaSse = subscribeSse(gateway.url, { campaignId: DELIVERING_V2_CAMPAIGN });
        const viaWs = subscribeWs(client, { campaignId: DELIVERING_V2_CAMPAIGN });
        await Promise.all([viaSse.waitForResults(1), viaWs.waitForResults(1)]);
        viaSse.close();
        viaWs.close();
      }
      const live = gateway.live;
      await waitFor(() => live.watchedCount === 0, 'every watch to stop');
      expect({ subscribers: live.subscriberCount, listeners: live.listenerCount }).toEqual({ subscribers: 0, listeners: 0 });
      const deadline = Date.now() + 5000;
      let leftovers = await redisLeftovers(redis, prefix);
      while ((leftovers.channels.length > 0 || leftovers.leases.length > 0) && Date.now() < deadline) {
        await sleep(50);
        leftovers = await redisLeftovers(redis, prefix);
      }
      expect(leftovers).toEqual({ channels: [], leases: [] });
    });
  });
});
