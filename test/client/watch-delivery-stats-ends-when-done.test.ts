import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient, type CampaignGatewayClient, type DeliveryStats } from '../../src/client/index.js';
import { createDeliveringV2Campaign } from '../live/support/live-gateway.js';
import { waitFor } from '../live/support/live-clients.js';
import { startListeningGateway, type ListeningGateway } from '../server/support/listening-gateway.js';
import { expectDeliveryStatsShape } from './support/record-shapes.js';

let gateway: ListeningGateway;
let client: CampaignGatewayClient;

beforeAll(async () => {
  gateway = await startListeningGateway();
  client = createClient({ url: gateway.endpoint });
});
afterAll(() => gateway?.close());

/** `gateway_subscriptions_open` as `/metrics` reports it. */
async function openSubscriptions(): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  return Number(/^gateway_subscriptions_open (\d+)$/m.exec(text)?.[1]);
}

async function expectNoSubscriptionLeft(): Promise<void> {
  await waitFor(() => gateway.running.live.subscriberCount === 0 && gateway.running.live.watchedCount === 0, 'the stream to close');
  expect(await openSubscriptions()).toBe(0);
}

it('ends by itself with done: true once a v2 campaign has delivered everything, one event per change', async () => {
  const campaignId = await createDeliveringV2Campaign(gateway.url, gateway.references, 30);
  const events: DeliveryStats[] = [];
  for await (const stats of client.campaign.watchDeliveryStats(campaignId)) {
    expectDeliveryStatsShape(stats);
    events.push(stats);
    // One delivery step per event: every step changes the counters, so each brings the next event.
    if (!stats.done) gateway.references.v2.advance(1);
    if (events.length > 50) throw new Error('delivery does not finish');
  }

  expect(events.length).toBeGreaterThan(2);
  expect(events.at(-1)!.done).toBe(true);
  expect(events.slice(0, -1).every((e) => !e.done)).toBe(true);
  const last = events.at(-1)!;
  expect(last.total).toBe(30);
  expect(last.delivered! + last.failed!).toBe(30);
  expect((await client.campaign.get(campaignId)).status).toMatch(/^(completed|failed)$/);
  await expectNoSubscriptionLeft();
});

it('breaking out of the loop closes the stream: the gateway has no open subscription left', async () => {
  const campaignId = await createDeliveringV2Campaign(gateway.url, gateway.references, 10);
  for await (const stats of client.campaign.watchDeliveryStats(campaignId)) {
    expect(stats.done).toBe(false);
    expect(gateway.running.live.subscriberCount).toBe(1);
    expect(await openSubscriptions()).toBe(1);
    break;
  }
  await expectNoSubscriptionLeft();
});

it('aborting the signal ends a loop that waits for a change that never comes', async () => {
  const campaignId = await createDeliveringV2Campaign(gateway.url, gateway.references, 10);
  const abort = new AbortController();
  const events: DeliveryStats[] = [];
  const watching = (async () => {
    for await (const stats of client.campaign.watchDeliveryStats(campaignId, { signal: abort.signal })) events.push(stats);
  })();
  await waitFor(() => events.length === 1, 'the first event');
  abort.abort();
  await watching;
  expect(events).toHaveLength(1);
  await expectNoSubscriptionLeft();
});

it('a campaign that is done already: one event with done: true, then the loop ends', async () => {
  const { data } = await client.campaign.list({ backend: 'broadcast', status: 'completed', limit: 1 });
  const events: DeliveryStats[] = [];
  for await (const stats of client.campaign.watchDeliveryStats(data[0]!._id)) events.push(stats);
  expect(events).toHaveLength(1);
  expect(events[0]!.done).toBe(true);
  await expectNoSubscriptionLeft();
});
