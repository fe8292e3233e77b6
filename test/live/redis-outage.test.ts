import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { sleep, subscribeSse, waitFor, type LiveSubscription } from './support/live-clients.js';
import { createDeliveringV2Campaign, execute, startBackends, startLiveGateway, uniqueRedisPrefix } from './support/live-gateway.js';
import { closedPort, startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

const POLL_MS = 100;

describe.skipIf(!process.env.REDIS_URL)('Redis going away', () => {
  const prefix = uniqueRedisPrefix();
  const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let backends: ReferenceBackendSet;
  let redis: Redis;
  const gateways: RunningGateway[] = [];
  const subscriptions: LiveSubscription[] = [];
  let proxy: TcpProxy | undefined;

  const gatewayAt = async (url: string) => {
    const gateway = await startLiveGateway({ backends, pollIntervalMs: POLL_MS, config: { redisUrl: url, redisKeyPrefix: prefix, leaseTtlMs: 1000 } });
    gateways.push(gateway);
    return gateway;
  };
  /** Milliseconds an operation took, with its result. */
  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const started = Date.now();
    const result = await run();
    return [result, Date.now() - started];
  };
  /** One tick at a time until `watcher` sees a change. */
  async function advanceUntilEvent(watcher: LiveSubscription): Promise<void> {
    const before = watcher.results.length;
    for (let tick = 0; tick < 20; tick++) {
      backends.v2.advance(1);
      await sleep(POLL_MS * 3);
      if (watcher.results.length > before) return;
    }
    throw new Error('no change in 20 ticks');
  }

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
    backends = await startBackends();
  });
  afterEach(async () => {
    for (const s of subscriptions.splice(0)) s.close();
    await Promise.all(gateways.splice(0).map((g) => g.close()));
    await proxy?.stop();
    proxy = undefined;
  });
  afterAll(async () => {
    await backends?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('leaves queries and mutations prompt, and subscribers on the replica still get changes, while Redis is unreachable', async () => {
    const gateway = await gatewayAt(`redis://127.0.0.1:${await closedPort()}`);
    const [list, listMs] = await timed(() => execute(gateway.url, '{ campaigns(first: 5) { edges { node { id } } } }'));
    expect(list.errors).toBeUndefined();
    expect(listMs).toBeLessThan(1000);

    const campaignId = await createDeliveringV2Campaign(gateway.url, backends, 30);
    const subscription = subscribeSse(gateway.url, { campaignId });
    subscriptions.push(subscription);
    await subscription.waitForResults(1);
    await advanceUntilEvent(subscription);

    // resendMessage publishes a refresh through Redis: it must fail fast, not hold the mutation.
    await advanceUntilEvent(subscription);
    const messages = await execute(gateway.url, 'query($id: ID!) { campaign(id: $id) { messages(first: 100) { edges { node { id status } } } } }', { id: campaignId });
    const failed = (messages.data.campaign.messages.edges as { node: { id: string; status: string } }[]).find((e) => e.node.status === 'FAILED')!;
    const before = subscription.results.length;
    const [resent, resendMs] = await timed(() => execute(gateway.url, 'mutation($id: ID!) { resendMessage(id: $id) { status } }', { id: failed.node.id }));
    expect(resent.errors).toBeUndefined();
    expect(resendMs).toBeLessThan(1000);
    await subscription.waitForResults(before + 1);
  });

  it('resumes delivery through Redis once it is back: each change once, one replica polling', async () => {
    proxy = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    const behindProxy = await gatewayAt(`redis://127.0.0.1:${proxy.port}`);
    const direct = await gatewayAt(process.env.REDIS_URL!);
    const campaignId = await createDeliveringV2Campaign(direct.url, backends);
    const channel = `${prefix}live:deliveryStats:${campaignId}`;
    const onDirect = subscribeSse(direct.url, { campaignId });
    await onDirect.waitForResults(1);
    const onProxied = subscribeSse(behindProxy.url, { campaignId });
    await onProxied.waitForResults(1);
    subscriptions.push(onDirect, onProxied);

    await proxy.stop();
    const proxiedPolls = behindProxy.live.counters.polls;
    const [list, listMs] = await timed(() => execute(behindProxy.url, '{ campaigns(first: 5) { edges { node { id } } } }'));
    expect(list.errors).toBeUndefined();
    expect(listMs).toBeLessThan(1000);
    // Cut off from Redis, the replica polls for its own subscriber.
    await advanceUntilEvent(onProxied);
    await waitFor(() => onDirect.results.length === onProxied.results.length, 'the direct subscriber to catch up');
    expect(behindProxy.live.counters.polls).toBeGreaterThan(proxiedPolls);

    await proxy.start();
    await waitForNumsub(redis, channel, 2);
    await sleep(POLL_MS * 5);

    const polls = () => [behindProxy.live.counters.polls, direct.live.counters.polls];
    const before = polls();
    const counts = [onDirect.results.length, onProxied.results.length];
    for (let step = 1; step <= 2; step++) {
      await advanceUntilEvent(onProxied);
      await waitFor(() => onDirect.results.length === counts[0]! + step, 'the change on the direct replica');
    }
    await sleep(POLL_MS * 3);
    expect([onDirect.results.length - counts[0]!, onProxied.results.length - counts[1]!]).toEqual([2, 2]);
    expect(onProxied.events.slice(-2)).toEqual(onDirect.events.slice(-2));
    const after = polls();
    // Leases sorted it out again: one of the two replicas polls.
    expect([after[0]! - before[0]!, after[1]! - before[1]!]).toContain(0);
  });
});

/** Waits until `count` connections are subscribed to `channel`. */
async function waitForNumsub(redis: Redis, channel: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [, subscribers] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    if (Number(subscribers) === count) return;
    if (Date.now() > deadline) throw new Error(`${channel} has ${subscribers} subscribers, not ${count}`);
    await sleep(50);
  }
}
