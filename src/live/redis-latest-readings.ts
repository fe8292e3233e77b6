import type { Redis } from 'ioredis';
import type { LatestReadings } from './latest-readings.js';
import type { StatsReading } from './stats-event.js';

/** Options of {@link RedisLatestReadings}. */
export interface RedisLatestReadingsOptions {
  /** A connection for commands (not one in subscriber mode). */
  redis: Redis;
  /** Put before every key, e.g. `campaign-gateway:latest:`. */
  keyPrefix: string;
  /** How long a reading is kept after it was written; the lease TTL fits. */
  ttlMs: number;
}

/**
 * The newest reading of each campaign in a Redis key, written by whichever
 * replica reads the backend (normally the lease holder, once per interval), so
 * a subscriber arriving on any replica gets its first value without an upstream
 * call. While Redis is away, `get` answers null and the replica reads directly.
 */
export class RedisLatestReadings implements LatestReadings {
  constructor(private readonly options: RedisLatestReadingsOptions) {}

  async get(campaignId: string): Promise<StatsReading | null> {
    try {
      const text = await this.options.redis.get(this.options.keyPrefix + campaignId);
      return text ? (JSON.parse(text) as StatsReading) : null;
    } catch {
      return null;
    }
  }

  async set(campaignId: string, reading: StatsReading): Promise<void> {
    try {
      await this.options.redis.set(this.options.keyPrefix + campaignId, JSON.stringify(reading), 'PX', this.options.ttlMs);
    } catch {
      // Without the key, the next new watch reads the backend itself.
    }
  }

  async delete(campaignId: string): Promise<void> {
    try {
      await this.options.redis.del(this.options.keyPrefix + campaignId);
    } catch {
      // It expires after ttlMs.
    }
  }
}
