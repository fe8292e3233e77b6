import type { Redis } from 'ioredis';

/** Extends the key's life only while it still holds the caller's token. */
const RENEW_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes the key only while it still holds the caller's token. */
const RELEASE_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Options of {@link RedisLease}. */
export interface RedisLeaseOptions {
  /** A connection for commands (not one in subscriber mode); its fail-fast settings and command timeout apply to every call. */
  redis: Redis;
  /** How long a lease lives without renewal, in ms. */
  ttlMs: number;
}

/**
 * A lease on a Redis key, held by whoever's token the key holds: taken with
 * `SET NX PX`, renewed with compare-and-`PEXPIRE`, released with
 * compare-and-`DEL` (each compare-and-act one Lua script, so atomic). A holder
 * whose lease expired and passed to another can therefore neither extend nor
 * delete it. Both the edit lock and the poll lease are built on it. Redis
 * errors (unreachable, command timeout) reach the caller, which decides what
 * an outage means for it.
 */
export class RedisLease {
  readonly ttlMs: number;
  readonly #redis: Redis;

  constructor(options: RedisLeaseOptions) {
    this.#redis = options.redis;
    this.ttlMs = options.ttlMs;
  }

  /** Takes `key` for `token` if no one holds it; true when taken. */
  async acquire(key: string, token: string): Promise<boolean> {
    return (await this.#redis.set(key, token, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  /** Gives `key` a whole TTL again if `token` still holds it; false when it does not (it expired, or passed on). */
  async renew(key: string, token: string): Promise<boolean> {
    return (await this.#redis.eval(RENEW_IF_OURS, 1, key, token, this.ttlMs)) === 1;
  }

  /** Frees `key` if `token` still holds it; false when it did not. */
  async release(key: string, token: string): Promise<boolean> {
    return (await this.#redis.eval(RELEASE_IF_OURS, 1, key, token)) === 1;
  }
}
