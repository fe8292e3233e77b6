import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { sleep, subscribeSse, subscribeWs, waitFor, wsClient, type LiveSubscription } from './support/live-clients.js';
import { createDeliveringV2Campaign, execute, startBackends, startLiveGateway, uniqueRedisPrefix, v2Reads } from './support/live-gateway.js';

const POLL_MS = 100;
const LEASE_TTL_MS = 600;

describe.skipIf(!process.env.REDIS_URL)('two replicas sharing Redis', () => {
  const prefix = uniqueRedisPrefix();
  let backends: ReferenceBackendSet;
  let a: RunningGateway;
  let b: RunningGateway;
  let clientB: Client;
  let redis: Redis;
  const open: LiveSubscription[] = [];
  const closed = new Set<RunningGateway>();
  const close = async (gateway: RunningGateway | undefined) => {
    if (!gateway || closed.has(gateway)) return;
    closed.add(gateway);
    await gateway.close();
  };

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
    backends = await startBackends();
    const config = { redisUrl: process.env.REDIS_URL, redisKeyPrefix: prefix, leaseTtlMs: LEASE_TTL_MS };
    [a, b] = await Promise.all([
      startLiveGateway({ backends, pollIntervalMs: POLL_MS, config }),
      startLiveGateway({ backends, pollIntervalMs: POLL_MS, config }),
    ]);
    clientB = wsClient(b.url);
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await clientB?.dispose();
    await Promise.all([close(a), close(b)]);
    await backends?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  /** One tick at a time until the counters change, as seen by `watcher`. */
  async function advanceUntilEvent(watcher: LiveSubscription): Promise<void> {
    const before = watcher.results.length;
    for (let tick = 0; tick < 20; tick++) {
      backends.v2.advance(1);
      await sleep(POLL_MS * 3);
      if (watcher.results.length > before) return;
    }
    throw new Error('no change in 20 ticks');
  }

  it('deliver each change exactly once to subscribers on both while only one replica polls', async () => {
    const campaignId = await createDeliveringV2Campaign(a.url, backends);
    const onA = [subscribeSse(a.url, { campaignId }), subscribeSse(a.url, { campaignId })];
    await Promise.all(onA.map((s) => s.waitForResults(1)));
    const onB = [subscribeWs(clientB, { campaignId }), subscribeWs(clientB, { campaignId })];
    await Promise.all(onB.map((s) => s.waitForResults(1)));
    open.push(...onA, ...onB);
    const all = [...onA, ...onB];
    expect(new Set(all.map((s) => JSON.stringify(s.events[0]))).size).toBe(1);
    // Replica B's first value is the reading replica A keeps in Redis: no upstream call.
    expect(a.live.counters.firstReads).toBe(1);
    expect(b.live.counters).toMatchObject({ firstReads: 0, keptStarts: 1 });

    // One getAll per interval for both replicas together, all of them by one replica.
    const readsBefore = v2Reads(backends);
    const pollsBefore = [a.live.counters.polls, b.live.counters.polls];
    const started = Date.now();
    await sleep(POLL_MS * 10);
    const intervals = (Date.now() - started) / POLL_MS;
    const reads = v2Reads(backends) - readsBefore;
    const polls = [a.live.counters.polls - pollsBefore[0]!, b.live.counters.polls - pollsBefore[1]!];
    expect(reads).toBeGreaterThanOrEqual(5);
    expect(reads).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    expect(polls).toContain(0);
    expect(polls[0]! + polls[1]!).toBe(reads);

    for (let step = 1; step <= 3; step++) {
      await advanceUntilEvent(onA[0]!);
      await waitFor(() => all.every((s) => s.results.length === 1 + step), `change ${step} on every subscriber`);
    }
    await sleep(POLL_MS * 5);
    expect(all.map((s) => s.results.length)).toEqual([4, 4, 4, 4]);
    for (const s of all) expect(s.events).toEqual(onA[0]!.events);
    for (const s of all) s.close();
  });

  it('refreshes at once when a message is resent through the replica that does not poll', async () => {
    // A minute between polls: only the refresh request, carried through Redis to the poller, explains a prompt event.
    const config = { redisUrl: process.env.REDIS_URL, redisKeyPrefix: prefix };
    const [polling, other] = await Promise.all([
      startLiveGateway({ backends, pollIntervalMs: 60_000, config }),
      startLiveGateway({ backends, pollIntervalMs: 60_000, config }),
    ]);
    try {
      const campaignId = await createDeliveringV2Campaign(polling.url, backends, 30);
      backends.v2.advance(3);
      const onPolling = subscribeSse(polling.url, { campaignId });
      await onPolling.waitForResults(1);
      const onOther = subscribeSse(other.url, { campaignId });
      await onOther.waitForResults(1);
      open.push(onPolling, onOther);
      const messages = await execute(other.url, 'query($id: ID!) { campaign(id: $id) { messages(first: 100) { edges { node { id status } } } } }', { id: campaignId });
      const failed = (messages.data.campaign.messages.edges as { node: { id: string; status: string } }[]).find((e) => e.node.status === 'FAILED')!;
      const resent = await execute(other.url, 'mutation($id: ID!) { resendMessage(id: $id) { status } }', { id: failed.node.id });
      expect(resent.errors).toBeUndefined();
      await Promise.all([onPolling.waitForResults(2), onOther.waitForResults(2)]);
      expect(onOther.events[1]!.failed).toBe(onOther.events[0]!.failed! - 1);
      expect(polling.live.counters.polls + other.live.counters.polls).toBe(1);
      onPolling.close();
      onOther.close();
    } finally {
      await Promise.all([polling.close(), other.close()]);
    }
  });

  it('hands polling over to the other replica within the lease TTL when the polling one stops; its subscribers keep getting changes', async () => {
    const campaignId = await createDeliveringV2Campaign(a.url, backends);
    const onA = subscribeSse(a.url, { campaignId });
    await onA.waitForResults(1);
    const onB = subscribeWs(clientB, { campaignId });
    await onB.waitForResults(1);
    open.push(onA, onB);
    await sleep(POLL_MS * 3);
    const holder = a.live.counters.polls > b.live.counters.polls ? a : b;
    const other = holder === a ? b : a;
    const watcher = holder === a ? onB : onA;
    const otherPolls = other.live.counters.polls;

    const stopping = Date.now();
    const closing = close(holder);
    await waitFor(() => other.live.counters.polls > otherPolls, 'the other replica to poll', LEASE_TTL_MS + POLL_MS * 5);
    const takeoverMs = Date.now() - stopping;
    await closing;
    expect(takeoverMs).toBeLessThan(LEASE_TTL_MS);

    await advanceUntilEvent(watcher);
    await advanceUntilEvent(watcher);
    expect(watcher.events.every((e) => !e.stale)).toBe(true);
  });
});
