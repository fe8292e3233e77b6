import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failFastRedisOptions, whenReady } from '../../src/live/redis-connection.js';
import { RedisLease } from '../../src/live/redis-lease.js';
import { uniqueRedisPrefix } from './support/live-gateway.js';

/**
 * The lease both the edit lock and the poll lease stand on: whoever's token a
 * key holds, holds the lease, and only that holder can renew or release it.
 * Expiry is played by deleting or overwriting the key (what Redis does at the
 * end of a TTL), so no case waits for a clock.
 */
describe.skipIf(!process.env.REDIS_URL)('RedisLease', () => {
  const prefix = `${uniqueRedisPrefix()}lease-primitive:`;
  let redis: Redis;
  let lease: RedisLease;

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!, failFastRedisOptions());
    await whenReady(redis, 5000);
    lease = new RedisLease({ redis, ttlMs: 60_000 });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('is taken by the first token only, with the TTL it was made with', async () => {
    const key = `${prefix}take`;
    expect(await lease.acquire(key, 'token-a')).toBe(true);
    expect(await lease.acquire(key, 'token-b')).toBe(false);
    expect(await lease.acquire(key, 'token-a')).toBe(false);
    expect(await redis.get(key)).toBe('token-a');
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('is renewed to a whole TTL by its holder only', async () => {
    const key = `${prefix}renew`;
    expect(await lease.acquire(key, 'token-a')).toBe(true);
    await redis.pexpire(key, 5000);
    expect(await lease.renew(key, 'token-b')).toBe(false);
    expect(await redis.pttl(key)).toBeLessThanOrEqual(5000);
    expect(await lease.renew(key, 'token-a')).toBe(true);
    expect(await redis.pttl(key)).toBeGreaterThan(50_000);
    expect(await redis.get(key)).toBe('token-a');
  });

  it('is released by its holder only', async () => {
    const key = `${prefix}release`;
    expect(await lease.acquire(key, 'token-a')).toBe(true);
    expect(await lease.release(key, 'token-b')).toBe(false);
    expect(await redis.get(key)).toBe('token-a');
    expect(await lease.release(key, 'token-a')).toBe(true);
    expect(await redis.exists(key)).toBe(0);
    expect(await lease.acquire(key, 'token-b')).toBe(true);
  });

  it('once expired and taken by another, can be neither renewed nor released by the old holder', async () => {
    const key = `${prefix}expired`;
    expect(await lease.acquire(key, 'token-a')).toBe(true);
    await redis.del(key);
    expect(await lease.renew(key, 'token-a')).toBe(false);
    expect(await redis.exists(key)).toBe(0);
    expect(await lease.acquire(key, 'token-b')).toBe(true);
    expect(await lease.renew(key, 'token-a')).toBe(false);
    expect(await lease.release(key, 'token-a')).toBe(false);
    expect(await redis.get(key)).toBe('token-b');
  });

  it('passes a Redis that cannot be asked on to the caller as an error', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { ...failFastRedisOptions(), lazyConnect: true, retryStrategy: () => null });
    unreachable.on('error', () => {});
    const cut = new RedisLease({ redis: unreachable, ttlMs: 1000 });
    try {
      await expect(cut.acquire(`${prefix}cut`, 'token-a')).rejects.toThrow();
      await expect(cut.renew(`${prefix}cut`, 'token-a')).rejects.toThrow();
      await expect(cut.release(`${prefix}cut`, 'token-a')).rejects.toThrow();
    } finally {
      unreachable.disconnect();
    }
  });
});
