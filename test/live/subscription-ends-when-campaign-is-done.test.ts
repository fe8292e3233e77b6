import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { subscribeSse, subscribeWs, waitFor, wsClient, type LiveSubscription } from './support/live-clients.js';
import { DELIVERING_V2_CAMPAIGN, execute, startBackends, startLiveGateway, V2 } from './support/live-gateway.js';

const POLL_MS = 100;

/** Enough ticks for every seeded v2 message to reach a final state (they need two). */
const TICKS_TO_FINISH = 20;

describe.each(['sse', 'websocket'] as const)('a deliveryStats subscription over %s', (transport) => {
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

  it('ends after the event that says the campaign is done, and leaves no subscriber behind', async () => {
    const subscription = subscribe(DELIVERING_V2_CAMPAIGN);
    const [first] = await subscription.waitForResults(1);
    expect(first!.data!.deliveryStats!.done).toBe(false);

    backends.v2.advance(TICKS_TO_FINISH);
    await waitFor(() => subscription.completed, 'the subscription to complete');

    expect(subscription.error).toBeNull();
    const events = subscription.events;
    expect(events.at(-1)!.done).toBe(true);
    expect(events.slice(0, -1).every((e) => !e.done)).toBe(true);
    const { data } = await execute(gateway.url, 'query($id: ID!) { campaign(id: $id) { status deliveryStats { done } } }', {
      id: DELIVERING_V2_CAMPAIGN,
    });
    expect(['COMPLETED', 'FAILED']).toContain(data.campaign.status);
    expect(data.campaign.deliveryStats.done).toBe(true);
    await waitFor(() => gateway.live.subscriberCount === 0 && gateway.live.watchedCount === 0, 'the watch to stop');
  });

  it('sends one event with done: true and completes for a campaign that was done already', async () => {
    const { data } = await execute(gateway.url, 'query($f: CampaignFilter) { campaigns(first: 1, filter: $f) { nodes { id } } }', {
      f: { backends: [V2], status: ['COMPLETED'] },
    });
    const subscription = subscribe(data.campaigns.nodes[0].id as string);
    await waitFor(() => subscription.completed, 'the subscription to complete');

    expect(subscription.error).toBeNull();
    expect(subscription.results).toHaveLength(1);
    expect(subscription.events[0]!.done).toBe(true);
    await waitFor(() => gateway.live.subscriberCount === 0 && gateway.live.watchedCount === 0, 'the watch to stop');
  });
});
