import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { EditLockTimeout, LocalEditLock, type EditLock } from '../adapters/edit-lock.js';
import { DEFAULT_KEY_PREFIX } from '../live/create-live-backplane.js';
import { createRedisConnection, whenReady } from '../live/redis-connection.js';
import { RedisLease } from '../live/redis-lease.js';

/** A signal that never aborts, for work run without the shared lock. */
const NOT_LOST = new AbortController().signal;

/** Options of {@link RedisEditLock}. */
export interface RedisEditLockOptions {
  /** A connection for commands, with fail-fast settings (`failFastRedisOptions`). */
  redis: Redis;
  /** Put before every lock key, e.g. `campaign-gateway:edit:`. */
  keyPrefix: string;
  /** How long a lock lives without renewal: a crashed holder's lock frees itself after this; default 5000 ms. */
  ttlMs?: number;
  /** How long a waiter keeps asking before it fails with {@link EditLockTimeout}; default 10 000 ms. */
  waitMs?: number;
  /** Mean pause between a waiter's attempts, jittered ±50 %; default 25 ms. */
  retryDelayMs?: number;
  logger: Logger;
}

/**
 * An {@link EditLock} shared by every replica on one Redis. Work of one key first
 * queues in this process (a {@link LocalEditLock}), so at most one caller per key
 * and replica asks Redis; that one takes `<prefix><key>` as a {@link RedisLease}
 * with a fresh token, renews it every third of its TTL while the work runs and
 * releases it after, so a lock that expired and passed to another replica is
 * never extended or deleted by the old holder.
 * Waiters retry after short jittered pauses for up to `waitMs`.
 *
 * While Redis cannot be asked, edits do not fail: they run under the in-process
 * lock alone (correct with one replica, not across replicas) and one warning is
 * logged per outage.
 */
export class RedisEditLock implements EditLock {
  readonly ttlMs: number;
  readonly waitMs: number;
  readonly #lease: RedisLease;
  readonly #prefix: string;
  readonly #retryDelayMs: number;
  readonly #logger: Logger;
  readonly #local = new LocalEditLock();
  #unreachable = false;

  constructor(options: RedisEditLockOptions) {
    this.#prefix = options.keyPrefix;
    this.ttlMs = options.ttlMs ?? 5000;
    this.#lease = new RedisLease({ redis: options.redis, ttlMs: this.ttlMs });
    this.waitMs = options.waitMs ?? 10_000;
    this.#retryDelayMs = options.retryDelayMs ?? 25;
    this.#logger = options.logger;
  }

  withLock<T>(key: string, work: (lost: AbortSignal) => Promise<T>): Promise<T> {
    return this.#local.withLock(key, () => this.#withSharedLock(key, work));
  }

  /** Whether the last Redis command failed (edits then run under the in-process lock only). */
  get unreachable(): boolean {
    return this.#unreachable;
  }

  async #withSharedLock<T>(key: string, work: (lost: AbortSignal) => Promise<T>): Promise<T> {
    const redisKey = this.#prefix + key;
    const token = randomUUID();
    if (!(await this.#acquire(key, redisKey, token))) return work(NOT_LOST);

    const lost = new AbortController();
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    // A chained timeout, not an interval: a renewal slowed by Redis never overlaps the next.
    const scheduleRenewal = () => {
      timer = setTimeout(async () => {
        await this.#renew(key, redisKey, token, lost, () => done);
        if (!done && !lost.signal.aborted) scheduleRenewal();
      }, this.ttlMs / 3);
    };
    scheduleRenewal();
    try {
      return await work(lost.signal);
    } finally {
      done = true;
      clearTimeout(timer);
      await this.#release(redisKey, token);
    }
  }

  /** True once the lock is ours; false when Redis cannot be asked (run without it); throws after `waitMs`. */
  async #acquire(key: string, redisKey: string, token: string): Promise<boolean> {
    const started = Date.now();
    for (;;) {
      let taken: boolean;
      try {
        taken = await this.#lease.acquire(redisKey, token);
      } catch (error) {
        this.#outage(error);
        return false;
      }
      this.#reachable();
      if (taken) return true;
      const waited = Date.now() - started;
      if (waited >= this.waitMs) throw new EditLockTimeout(key, waited);
      const pause = this.#retryDelayMs * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, this.waitMs - waited)));
    }
  }

  async #renew(key: string, redisKey: string, token: string, lost: AbortController, finished: () => boolean): Promise<void> {
    try {
      const renewed = await this.#lease.renew(redisKey, token);
      this.#reachable();
      if (renewed || finished()) return;
      // The key expired (renewals came too late) and may now be another replica's.
      this.#logger.warn({ key }, 'edit lock lost while the edit ran: its write is skipped if not yet sent');
      lost.abort();
    } catch (error) {
      // Keep working: the lock either survives the outage or expires into the fallback every replica is in.
      this.#outage(error);
    }
  }

  async #release(redisKey: string, token: string): Promise<void> {
    try {
      await this.#lease.release(redisKey, token);
      this.#reachable();
    } catch (error) {
      // Unreleased, the lock expires after ttlMs.
      this.#outage(error);
    }
  }

  #outage(error: unknown): void {
    if (this.#unreachable) return;
    this.#unreachable = true;
    this.#logger.warn(
      { err: (error as Error).message },
      'edit lock: redis unreachable, workflow edits are serialized on this replica only until it is back',
    );
  }

  #reachable(): void {
    if (!this.#unreachable) return;
    this.#unreachable = false;
    this.#logger.info('edit lock: redis reachable again, workflow edits are serialized across replicas');
  }
}

/** Options of {@link openRedisEditLock}. */
export interface OpenRedisEditLockOptions extends Omit<RedisEditLockOptions, 'redis' | 'keyPrefix'> {
  url: string;
  /** The gateway's Redis key prefix; locks live under `<keyPrefix>edit:`. Default `campaign-gateway:`. */
  keyPrefix?: string;
  /** How long `ready` waits for Redis before going on without it; default 2000 ms. */
  connectWaitMs?: number;
}

/** A {@link RedisEditLock} on its own connection. */
export interface OpenedEditLock {
  lock: RedisEditLock;
  /**
   * Settles once the connection is ready or `connectWaitMs` passed; never rejects.
   * Await it before serving, so the first edits do not fall back needlessly.
   */
  ready: Promise<void>;
  /** Closes the connection (after the last edit). */
  close(): Promise<void>;
}

/**
 * Opens a fail-fast connection for the edit lock. The lock can be handed out at
 * once; an unreachable Redis only means the in-process fallback until it answers.
 */
export function openRedisEditLock(options: OpenRedisEditLockOptions): OpenedEditLock {
  const { url, keyPrefix, connectWaitMs, ...lockOptions } = options;
  const redis = createRedisConnection({
    url,
    role: 'edit-lock',
    logger: options.logger,
    unreachableMessage: 'redis unreachable: workflow edits are serialized on this replica only until it is back',
  });
  return {
    lock: new RedisEditLock({ ...lockOptions, redis, keyPrefix: `${keyPrefix ?? DEFAULT_KEY_PREFIX}edit:` }),
    ready: whenReady(redis, connectWaitMs ?? 2000),
    async close() {
      await Promise.allSettled([redis.quit()]);
      redis.disconnect();
    },
  };
}
