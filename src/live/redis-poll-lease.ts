import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PollLease } from './poll-lease.js';
import { RedisLease } from './redis-lease.js';

/** Options of {@link RedisPollLease}. */
export interface RedisPollLeaseOptions {
  /** A connection for commands (not one in subscriber mode). */
  redis: Redis;
  /** Put before every lease key, e.g. `campaign-gateway:lease:`. */
  keyPrefix: string;
  /** How long a lease lives without renewal; pick at least a few poll intervals. */
  ttlMs: number;
  logger: Logger;
  /** This replica's value in the lease keys; default a random UUID. */
  owner?: string;
}

/**
 * One poller per campaign across replicas: the replica whose value sits in
 * `<prefix><campaign>` polls: a {@link RedisLease} with the replica's value as its
 * token, taken when free, renewed on every tick and released when the replica
 * stops polling, so a replica never extends or deletes a lease that has passed to another one.
 * A replica that dies stops renewing; another one takes over within `ttlMs`.
 *
 * While Redis cannot be asked, every replica treats the lease as held: each
 * polls for its own subscribers and delivers locally, so events keep flowing
 * (at the price of one poll per replica per interval) until Redis is back and
 * the leases sort out which replica polls again.
 */
export class RedisPollLease implements PollLease {
  readonly ttlMs: number;
  readonly owner: string;
  readonly #lease: RedisLease;
  readonly #prefix: string;
  readonly #logger: Logger;
  /** Keys this replica believes it holds (renewed rather than taken). */
  readonly #held = new Set<string>();
  #unreachable = false;

  constructor(options: RedisPollLeaseOptions) {
    this.#lease = new RedisLease({ redis: options.redis, ttlMs: options.ttlMs });
    this.#prefix = options.keyPrefix;
    this.ttlMs = options.ttlMs;
    this.#logger = options.logger;
    this.owner = options.owner ?? randomUUID();
  }

  async acquire(key: string): Promise<boolean> {
    const redisKey = this.#prefix + key;
    try {
      if (this.#held.has(key)) {
        if (await this.#lease.renew(redisKey, this.owner)) return this.#reachable(true);
        this.#held.delete(key);
      }
      const taken = await this.#lease.acquire(redisKey, this.owner);
      if (taken) this.#held.add(key);
      return this.#reachable(taken);
    } catch (error) {
      if (!this.#unreachable) {
        this.#unreachable = true;
        this.#logger.warn({ err: (error as Error).message }, 'poll lease unavailable: this replica polls for its own subscribers');
      }
      this.#held.delete(key);
      return true;
    }
  }

  async release(key: string): Promise<void> {
    if (!this.#held.delete(key)) return;
    try {
      await this.#lease.release(this.#prefix + key, this.owner);
    } catch {
      // Unreleased, the lease simply expires after ttlMs.
    }
  }

  /** Whether this replica holds `key` as far as it knows (for tests and metrics). */
  holds(key: string): boolean {
    return this.#held.has(key);
  }

  #reachable(held: boolean): boolean {
    this.#unreachable = false;
    return held;
  }
}
