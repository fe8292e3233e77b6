import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignGlobalId } from '../../src/model/global-id.js';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { subscribeSse, subscribeWs, sleep, waitFor, wsClient, type LiveSubscription } from './support/live-clients.js';
import { createDeliveringV2Campaign, DELIVERING_V2_CAMPAIGN, execute, startBackends, startLiveGateway, V2 } from './support/live-gateway.js';

const POLL_MS = 100;

/** The counters as the gateway's query answers them (one extra upstream read). */
async function queriedStats(url: string, campaignId: string) {
  const result = await execute(url, 'query($id: ID!) { campaign(id: $id) { deliveryStats { total sent delivered failed } } }', { id: campaignId });
  return result.data.campaign.deliveryStats as { total: number | null; sent: number; delivered: number | null; failed: number | null };
}

/** Advances v2 delivery one tick at a time until the counters change; how many ticks it took. */
async function advanceUntilChanged(backends: ReferenceBackendSet, url: string, campaignId: string): Promise<void> {
  const before = JSON.stringify(await queriedStats(url, campaignId));
  for (let tick = 0; tick < 20; tick++) {
    backends.v2.advance(1);
    if (JSON.stringify(await queriedStats(url, campaignId)) !== before) return;
  }
  throw new Error('delivery did not move in 20 ticks');
}

describe.each(['sse', 'websocket'] as const)('Subscription.deliveryStats over %s', (transport) => {
  let backends: ReferenceBackendSet;
  let gateway: RunningGateway;
  let client: Client | undefined;

  const subscribe = (campaignId: string): LiveSubscription => {
    if (transport === 'sse') return subscribeSse(gateway.url, { campaignId });
    client ??= wsClient(gateway.url);
    return subscribeWs(client, { campaignId });
  };

  beforeAll(async () => {
    backends = await startBackends();
    gateway = await startLiveGateway({ backends, pollIntervalMs: POLL_MS });
  });
  afterAll(async () => {
    await client?.dispose();
    await gateway?.close();
    await backends?.close();
  });

  it('sends the current counters first, then one event per change and nothing while nothing changes', async () => {
    const subscription = subscribe(DELIVERING_V2_CAMPAIGN);
    const [first] = await subscription.waitForResults(1);
    expect(first!.errors).toBeUndefined();
    expect(first!.data!.deliveryStats).toMatchObject({ ...(await queriedStats(gateway.url, DELIVERING_V2_CAMPAIGN)), stale: false });

    // Several intervals without a change: the poller reads, the stream stays silent.
    const pollsBefore = gateway.live.counters.polls;
    await sleep(POLL_MS * 6);
    expect(gateway.live.counters.polls - pollsBefore).toBeGreaterThanOrEqual(3);
    expect(subscription.results).toHaveLength(1);

    for (let step = 1; step <= 2; step++) {
      await advanceUntilChanged(backends, gateway.url, DELIVERING_V2_CAMPAIGN);
      await subscription.waitForResults(1 + step);
      expect(subscription.events[step]).toMatchObject(await queriedStats(gateway.url, DELIVERING_V2_CAMPAIGN));
    }
    await sleep(POLL_MS * 4);
    expect(subscription.results).toHaveLength(3);
    subscription.close();
  });

  it('stops polling when the client unsubscribes', async () => {
    // The seeded campaign may have finished by now (a finished one's stream ends by itself).
    const subscription = subscribe(await createDeliveringV2Campaign(gateway.url, backends));
    await subscription.waitForResults(1);
    expect(gateway.live.watchedCount).toBe(1);
    expect(gateway.live.subscriberCount).toBe(1);

    subscription.close();
    await waitFor(() => gateway.live.watchedCount === 0, 'the watch to stop');
    expect(gateway.live.subscriberCount).toBe(0);
    const polls = gateway.live.counters.polls;
    await sleep(POLL_MS * 4);
    expect(gateway.live.counters.polls).toBe(polls);
  });

  it('streams a workspace campaign: sent is its message count and moves after executeCampaign', async () => {
    const list = await execute(
      gateway.url,
      // An active one: the stream of a finished campaign ends after its first event.
      '{ campaigns(first: 50, filter: { backends: ["growth"], status: [ACTIVE] }) { edges { node { id touchpoints { type } deliveryStats { sent } } } } }',
    );
    const campaign = (list.data.campaigns.edges as { node: { id: string; touchpoints: { type: string }[]; deliveryStats: { sent: number } } }[])
      .map((e) => e.node)
      .find((c) => c.touchpoints.some((t) => t.type === 'MESSAGE'))!;
    const subscription = subscribe(campaign.id);
    const [first] = await subscription.waitForResults(1);
    expect(first!.data!.deliveryStats).toMatchObject({ sent: campaign.deliveryStats.sent, total: null, delivered: null, failed: null, stale: false });

    const executed = await execute(gateway.url, 'mutation($id: ID!) { executeCampaign(campaignId: $id, input: { contactId: "contact-live-1" }) { executed } }', {
      id: campaign.id,
    });
    expect(executed.errors).toBeUndefined();
    await subscription.waitForResults(2);
    expect(subscription.events[1]!.sent).toBeGreaterThan(campaign.deliveryStats.sent);
    subscription.close();
  });

  it('refuses campaigns of backends without counters with UNSUPPORTED', async () => {
    for (const backend of ['contact-center', 'messaging']) {
      const list = await execute(gateway.url, `{ campaigns(first: 1, filter: { backends: ["${backend}"] }) { edges { node { id } } } }`);
      const subscription = subscribe(list.data.campaigns.edges[0].node.id);
      const [result] = await subscription.waitForResults(1);
      expect(result!.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED');
      await waitFor(() => subscription.completed, 'the stream to end');
    }
    expect(gateway.live.watchedCount).toBe(0);
  });

  it('answers NOT_FOUND for a campaign that does not exist and BAD_USER_INPUT for a malformed id or one naming a backend the gateway does not have', async () => {
    const subscription = subscribe(campaignGlobalId({ backend: V2, nativeId: '999999' }));
    const [result] = await subscription.waitForResults(1);
    expect(result!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await waitFor(() => subscription.completed, 'the stream to end');
    for (const campaignId of ['not-an-id', Buffer.from('["Touchpoint","broadcast","388","1"]').toString('base64url'), campaignGlobalId({ backend: 'no-such-backend', nativeId: '1' })]) {
      const subscription = subscribe(campaignId);
      const [result] = await subscription.waitForResults(1);
      expect(result!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    await waitFor(() => gateway.live.watchedCount === 0, 'no watch left');
  });
});
