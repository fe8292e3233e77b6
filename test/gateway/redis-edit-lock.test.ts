import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EditLockTimeout } from '../../src/adapters/edit-lock.js';
import { RedisEditLock, type RedisEditLockOptions } from '../../src/gateway/redis-edit-lock.js';
import { failFastRedisOptions, whenReady } from '../../src/live/redis-connection.js';
import { editLockSuite } from '../adapters/edit-lock-suite.js';
import { sleep, waitFor } from '../live/support/live-clients.js';
import { uniqueRedisPrefix } from '../live/support/live-gateway.js';
import { closedPort, startTcpProxy, type TcpProxy } from '../live/support/tcp-proxy.js';

const silent = pino({ level: 'silent' });

/** A logger that keeps every line it writes. */
function recordingLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** A promise and the function that settles it, to hold a lock for as long as a test wants. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe.skipIf(!process.env.REDIS_URL)('RedisEditLock', () => {
  const prefix = `${uniqueRedisPrefix()}edit:`;
  const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  /** The test's own view of Redis. */
  let redis: Redis;
  const connections: Redis[] = [];
  let proxy: TcpProxy | undefined;

  /** A fail-fast connection like the gateway's, closed after the test file. */
  async function connection(url = process.env.REDIS_URL!, waitForReady = true): Promise<Redis> {
    const client = new Redis(url, failFastRedisOptions(200));
    client.on('error', () => {});
    connections.push(client);
    if (waitForReady) await whenReady(client, 2000);
    return client;
  }
  /** A lock as one replica would have it: on its own connection. */
  async function replica(options: Partial<RedisEditLockOptions> = {}): Promise<RedisEditLock> {
    return new RedisEditLock({ redis: options.redis ?? (await connection()), keyPrefix: prefix, logger: silent, ...options });
  }

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });
  afterAll(async () => {
    for (const client of connections) client.disconnect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  describe('as an EditLock', () => {
    let lock: RedisEditLock;
    beforeAll(async () => {
      lock = await replica();
    });
    editLockSuite(() => lock);
  });

  it('lets one of two replicas at a time edit a key, so a read-modify-write split between them loses nothing', async () => {
    const [a, b] = [await replica(), await replica()];
    let stored: number[] = [];
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).withLock('shared', async () => {
          running += 1;
          most = Math.max(most, running);
          const read = [...stored];
          await sleep(2);
          stored = [...read, i];
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect([...stored].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await redis.exists(`${prefix}shared`)).toBe(0);
  });

  it('renews the lock while a long edit runs, so the other replica waits for it past many TTLs', async () => {
    const a = await replica({ ttlMs: 300 });
    const b = await replica({ ttlMs: 300, waitMs: 5000 });
    const events: string[] = [];
    const holding = gate();
    const long = a.withLock('long', async (lost) => {
      events.push('a starts');
      holding.open();
      await sleep(1200);
      events.push(lost.aborted ? 'a lost its lock' : 'a ends holding its lock');
    });
    await holding.opened;
    await b.withLock('long', async () => {
      events.push('b starts');
    });
    await long;
    expect(events).toEqual(['a starts', 'a ends holding its lock', 'b starts']);
  });

  it('a holder whose lock passed to another neither renews nor deletes it, and is told it lost it', async () => {
    const a = await replica({ ttlMs: 300 });
    const key = `${prefix}taken-over`;
    const wasLost = await a.withLock('taken-over', async (lost) => {
      // What another replica does once a's lock expired unrenewed (a stalled event loop, say).
      await redis.set(key, 'another-replica', 'PX', 10_000);
      await waitFor(() => lost.aborted, 'a to learn its lock is gone', 2000);
      return lost.aborted;
    });
    expect(wasLost).toBe(true);
    expect(await redis.get(key)).toBe('another-replica');
    expect(await redis.pttl(key)).toBeGreaterThan(5000);
    await redis.del(key);
  });

  it('frees the lock of a replica that crashed while holding it within the TTL, and only then', async () => {
    // The crashed replica's connection drops mid-edit: it neither renews nor releases.
    const crashedConnection = await connection();
    const crashed = await replica({ redis: crashedConnection, ttlMs: 400 });
    const holding = gate();
    const never = gate();
    const crashedEdit = crashed.withLock('crash', async () => {
      holding.open();
      await never.opened;
    });
    await holding.opened;
    crashedConnection.disconnect();
    const heldFrom = Date.now();

    const survivor = await replica({ ttlMs: 400 });
    const seen = await survivor.withLock('crash', async () => ({ waitedMs: Date.now() - heldFrom, value: await redis.get(`${prefix}crash`) }));
    expect(seen.value).not.toBeNull();
    // Not before the TTL ran out (minus one renewal period the crashed one may have just done), and well within a few TTLs.
    expect(seen.waitedMs).toBeGreaterThanOrEqual(250);
    expect(seen.waitedMs).toBeLessThan(2000);
    never.open();
    await crashedEdit;
  });

  it('fails a waiter with CONFLICT after its bound while another replica keeps the lock', async () => {
    const a = await replica({ ttlMs: 300 });
    const b = await replica({ ttlMs: 300, waitMs: 400 });
    const holding = gate();
    const release = gate();
    const held = a.withLock('busy', async () => {
      holding.open();
      await release.opened;
    });
    await holding.opened;
    let ran = false;
    const error = await b
      .withLock('busy', async () => {
        ran = true;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditLockTimeout);
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'busy' });
    expect(ran).toBe(false);
    release.open();
    await held;
    // The next try succeeds.
    await expect(b.withLock('busy', async () => 'edited')).resolves.toBe('edited');
  });

  it('runs edits under the in-process lock alone, promptly and with one warning, while Redis cannot be reached', async () => {
    const { logger, lines } = recordingLogger();
    const down = await connection(`redis://127.0.0.1:${await closedPort()}`, false);
    const lock = await replica({ redis: down, logger });
    let running = 0;
    let most = 0;
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        lock.withLock('offline', async () => {
          running += 1;
          most = Math.max(most, running);
          await sleep(2);
          running -= 1;
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(most).toBe(1);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lock.unreachable).toBe(true);
    expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      'edit lock: redis unreachable, workflow edits are serialized on this replica only until it is back',
    ]);
  });

  it('warns once per outage and shares the lock again once Redis is back', async () => {
    proxy = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    const { logger, lines } = recordingLogger();
    const viaProxy = await connection(`redis://127.0.0.1:${proxy.port}`);
    const lock = await replica({ redis: viaProxy, logger });
    const warnings = () => lines.filter((line) => line.level === 40).length;
    const edit = () => lock.withLock('outage', async () => redis.get(`${prefix}outage`));

    expect(await edit()).not.toBeNull();
    await proxy.stop();
    for (let i = 0; i < 5; i++) expect(await edit()).toBeNull();
    expect(warnings()).toBe(1);

    await proxy.start();
    await whenReady(viaProxy, 5000);
    expect(await edit()).not.toBeNull();
    expect(lock.unreachable).toBe(false);
    expect(lines.at(-1)?.msg).toBe('edit lock: redis reachable again, workflow edits are serialized across replicas');

    await proxy.stop();
    await edit();
    await edit();
    expect(warnings()).toBe(2);
  });
});
