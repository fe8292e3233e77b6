import type { Logger } from 'pino';
import { MemoryLatestReadings, type LatestReadings } from './latest-readings.js';
import { createMemoryBus, type LiveBus } from './live-bus.js';
import { defaultLeaseTtlMs, localLease, type PollLease } from './poll-lease.js';

/** Options of {@link createLiveBackplane}. */
export interface LiveBackplaneOptions {
  /** Absent: everything in-process (one replica). */
  redisUrl?: string;
  /** Put before every Redis key and channel; default `campaign-gateway:`. */
  keyPrefix?: string;
  pollIntervalMs: number;
  /** Lease TTL; default `max(3 × pollIntervalMs, 1000)`. */
  leaseTtlMs?: number;
  /** How long startup waits for Redis before serving without it; default 2000 ms. */
  connectWaitMs?: number;
  logger: Logger;
}

/** What the delivery-stats hub runs on, and what to close at shutdown. */
export interface LiveBackplane {
  bus: LiveBus;
  lease: PollLease;
  latest: LatestReadings;
  /** Closes the Redis connections, if any (after the hub has released its leases). */
  close(): Promise<void>;
}

export const DEFAULT_KEY_PREFIX = 'campaign-gateway:';

/**
 * In-process bus, always-held lease and in-memory readings without
 * `redisUrl`. With it: a Redis bus (channels `<prefix>live:…`), Redis leases
 * (`<prefix>lease:…`) and the newest readings in Redis (`<prefix>latest:…`),
 * over two connections (subscriber mode needs its own). Startup waits a
 * little for Redis but does not need it: while it is away, queries and
 * mutations are unaffected and each replica serves its own subscribers.
 */
export async function createLiveBackplane(options: LiveBackplaneOptions): Promise<LiveBackplane> {
  const ttlMs = options.leaseTtlMs ?? defaultLeaseTtlMs(options.pollIntervalMs);
  if (!options.redisUrl) {
    // One replica: a kept reading is as good as a poll for one interval, no longer.
    return { bus: createMemoryBus(), lease: localLease, latest: new MemoryLatestReadings(options.pollIntervalMs), close: async () => {} };
  }
  // Loaded only with Redis configured: the Redis client is a good part of the process's memory.
  const [{ createRedisBus }, { createRedisConnection, whenReady }, { RedisLatestReadings }, { RedisPollLease }] = await Promise.all([
    import('./redis-bus.js'),
    import('./redis-connection.js'),
    import('./redis-latest-readings.js'),
    import('./redis-poll-lease.js'),
  ]);
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const { logger } = options;
  const commands = createRedisConnection({ url: options.redisUrl, role: 'commands', logger });
  const subscriber = createRedisConnection({ url: options.redisUrl, role: 'subscriber', logger });
  const wait = options.connectWaitMs ?? 2000;
  await Promise.all([whenReady(commands, wait), whenReady(subscriber, wait)]);

  const bus = createRedisBus({ publisher: commands, subscriber, channelPrefix: `${prefix}live:`, logger });
  return {
    bus,
    lease: new RedisPollLease({ redis: commands, keyPrefix: `${prefix}lease:`, ttlMs, logger }),
    latest: new RedisLatestReadings({ redis: commands, keyPrefix: `${prefix}latest:`, ttlMs }),
    async close() {
      await bus.close();
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
