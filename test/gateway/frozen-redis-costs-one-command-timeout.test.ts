import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignGlobalId } from '../../src/model/global-id.js';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import { DEFAULT_REDIS_COMMAND_TIMEOUT_MS } from '../../src/live/redis-connection.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { execute, startBackends, startLiveGateway, uniqueRedisPrefix, WORKSPACE } from '../live/support/live-gateway.js';

/**
 * A Redis that is frozen (its process stopped, its TCP connections still open)
 * answers nothing, and a connection to it still reads as ready. The shared
 * Redis must never be stopped, so a proxy in front of it plays the frozen one:
 * it accepts and keeps every connection and, once frozen, forwards nothing.
 */
interface FreezableProxy {
  port: number;
  freeze(): void;
  /** Every byte that reached the proxy from the gateway since `freeze()`. */
  frozenTraffic(): string;
  close(): Promise<void>;
}

async function startFreezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  let traffic = '';
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => {});
    client.on('close', () => sockets.delete(client));
    client.on('data', (chunk: Buffer) => {
      if (frozen) traffic += chunk.toString('latin1');
    });
    if (frozen) return;
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('error', () => {});
    upstream.on('close', () => sockets.delete(upstream));
    client.on('data', (chunk: Buffer) => {
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!frozen) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => {
      frozen = true;
    },
    frozenTraffic: () => traffic,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

const CREATE_TOUCHPOINT = /* GraphQL */ `
  mutation CreateTouchpoint($input: CreateTouchpointInput!) { createTouchpoint(input: $input) { id name } }
`;

describe.skipIf(!process.env.REDIS_URL)('a frozen Redis', () => {
  const prefix = uniqueRedisPrefix();
  let backends: ReferenceBackendSet;
  let proxy: FreezableProxy;
  let gateway: RunningGateway;
  let redis: Redis;

  beforeAll(async () => {
    const target = new URL(process.env.REDIS_URL!);
    proxy = await startFreezableProxy({ host: target.hostname, port: Number(target.port || 6379) });
    redis = new Redis(process.env.REDIS_URL!);
    backends = await startBackends();
    gateway = await startLiveGateway({ backends, pollIntervalMs: 60_000, config: { redisUrl: `redis://127.0.0.1:${proxy.port}`, redisKeyPrefix: prefix } });
  });
  afterAll(async () => {
    await gateway?.close();
    await proxy?.close();
    await backends?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const campaignId = campaignGlobalId({ backend: WORKSPACE, nativeId: 'cmp_abandoned_cart' });
  const create = (i: number) =>
    execute(gateway.url, CREATE_TOUCHPOINT, { input: { campaignId, name: `Frozen ${i}`, type: 'ACTION', rawType: 'ADD_TAG', config: { tag: `frozen_${i}` } } });

  it('costs the first edit one command timeout; later edits, and the queries beside them, do not wait on it at all', async () => {
    // Warm: the edit lock works through Redis.
    expect((await create(0)).errors).toBeUndefined();
    expect(proxy.frozenTraffic()).toBe('');

    proxy.freeze();
    const started = Date.now();
    const lists = Promise.all(Array.from({ length: 5 }, () => execute(gateway.url, '{ campaigns(first: 5) { nodes { id } } }')));
    const edits = [];
    for (let i = 1; i <= 5; i += 1) edits.push(await create(i));
    const elapsed = Date.now() - started;

    for (const edit of edits) expect(edit.errors).toBeUndefined();
    for (const list of await lists) expect(list.errors).toBeUndefined();
    // Only the first edit's lock request reached the frozen Redis; after its timeout the
    // connection was dropped and every later command failed at once, as with Redis down.
    const lockCommands = proxy.frozenTraffic().split(`${prefix}edit:`).length - 1;
    expect(lockCommands).toBe(1);
    // Generous: five edits one after another, one command timeout in all (each took 3.8 s before).
    expect(elapsed).toBeLessThan(DEFAULT_REDIS_COMMAND_TIMEOUT_MS + 4000);
    const workflow = (await backends.workspace.requests.list()).filter((r) => r.method === 'PATCH');
    expect(workflow).toHaveLength(6);
  });
});
