import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failFastRedisOptions, whenReady } from '../../src/live/redis-connection.js';
import { RedisPollLease } from '../../src/live/redis-poll-lease.js';
import { sleep } from './support/live-clients.js';
import { uniqueRedisPrefix } from './support/live-gateway.js';

const logger = pino({ level: 'silent' });

describe.skipIf(!process.env.REDIS_URL)('RedisPollLease', () => {
  const prefix = `${uniqueRedisPrefix()}lease:`;
  let redis: Redis;
  const lease = (owner: string, ttlMs = 300) => new RedisPollLease({ redis, keyPrefix: prefix, ttlMs, logger, owner });

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!, failFastRedisOptions());
    await whenReady(redis, 5000);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('is held by one replica at a time, which renews it while the other keeps asking', async () => {
    const a = lease('replica-a');
    const b = lease('replica-b');
    expect(await a.acquire('c1')).toBe(true);
    expect(await b.acquire('c1')).toBe(false);
    expect(await redis.get(`${prefix}c1`)).toBe('replica-a');
    // Renewed each tick, it outlives its TTL many times over.
    for (let i = 0; i < 5; i++) {
      await sleep(100);
      expect(await a.acquire('c1')).toBe(true);
      expect(await b.acquire('c1')).toBe(false);
    }
    const ttl = await redis.pttl(`${prefix}c1`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(300);
  });

  it('passes to another replica within its TTL when the holder stops renewing, and the old holder can neither renew nor delete it', async () => {
    const a = lease('replica-a');
    const b = lease('replica-b');
    expect(await a.acquire('c2')).toBe(true);
    // a dies (stops renewing): b gets the lease once the TTL ran out, not before.
    expect(await b.acquire('c2')).toBe(false);
    await sleep(350);
    expect(await b.acquire('c2')).toBe(true);
    // a comes back believing it holds the lease: its renewal fails, its release deletes nothing.
    expect(await a.acquire('c2')).toBe(false);
    await a.release('c2');
    expect(await redis.get(`${prefix}c2`)).toBe('replica-b');
    await b.release('c2');
    expect(await redis.exists(`${prefix}c2`)).toBe(0);
  });

  it('gives a released lease to the next replica that asks', async () => {
    const a = lease('replica-a', 60_000);
    const b = lease('replica-b', 60_000);
    expect(await a.acquire('c3')).toBe(true);
    await a.release('c3');
    expect(await b.acquire('c3')).toBe(true);
    await b.release('c3');
  });

  it('treats the lease as held, without waiting, while Redis cannot be reached', async () => {
    const down = new Redis('redis://127.0.0.1:1', { ...failFastRedisOptions(), lazyConnect: true });
    down.on('error', () => {});
    const offline = new RedisPollLease({ redis: down, keyPrefix: prefix, ttlMs: 1000, logger });
    const started = Date.now();
    expect(await offline.acquire('c4')).toBe(true);
    await offline.release('c4');
    expect(Date.now() - started).toBeLessThan(1500);
    down.disconnect();
  });
});
