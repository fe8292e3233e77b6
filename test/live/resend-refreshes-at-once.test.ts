import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { subscribeSse, sleep } from './support/live-clients.js';
import { campaignGlobalId } from '../../src/model/global-id.js';
import { DELIVERING_V2_CAMPAIGN, WORKSPACE, execute, startBackends, startLiveGateway } from './support/live-gateway.js';

// So long that only the refresh a resend asks for can explain an event within the test.
const POLL_MS = 60_000;

let backends: ReferenceBackendSet;
let gateway: RunningGateway;

beforeAll(async () => {
  backends = await startBackends();
  gateway = await startLiveGateway({ backends, pollIntervalMs: POLL_MS });
});
afterAll(async () => {
  await gateway?.close();
  await backends?.close();
});

it('polls at once after resendMessage instead of waiting for the next interval', async () => {
  const subscription = subscribeSse(gateway.url, { campaignId: DELIVERING_V2_CAMPAIGN });
  const [first] = await subscription.waitForResults(1);
  const before = first!.data!.deliveryStats!;
  expect(gateway.live.counters).toMatchObject({ polls: 0, firstReads: 1 });

  const messages = await execute(gateway.url, 'query($id: ID!) { campaign(id: $id) { messages(first: 50) { edges { node { id status } } } } }', {
    id: DELIVERING_V2_CAMPAIGN,
  });
  const failed = (messages.data.campaign.messages.edges as { node: { id: string; status: string } }[]).find((e) => e.node.status === 'FAILED')!;
  const resent = await execute(gateway.url, 'mutation($id: ID!) { resendMessage(id: $id) { status } }', { id: failed.node.id });
  expect(resent.errors).toBeUndefined();
  expect(resent.data.resendMessage.status).toBe('PENDING');

  const [, second] = await subscription.waitForResults(2, 5000);
  expect(second!.data!.deliveryStats!.failed).toBe(before.failed! - 1);
  // Exactly one poll, the one the resend asked for; the next scheduled one is a minute away.
  expect(gateway.live.counters.polls).toBe(1);
  await sleep(300);
  expect(subscription.results).toHaveLength(2);
  subscription.close();
});

it('asks nothing of the backend when nobody watches the campaign a message was resent in', async () => {
  await sleep(100);
  expect(gateway.live.watchedCount).toBe(0);
  const polls = gateway.live.counters.polls;
  const messages = await execute(gateway.url, 'query($id: ID!) { campaign(id: $id) { messages(first: 50) { edges { node { id status } } } } }', {
    id: DELIVERING_V2_CAMPAIGN,
  });
  const failed = (messages.data.campaign.messages.edges as { node: { id: string; status: string } }[]).find((e) => e.node.status === 'FAILED')!;
  const resent = await execute(gateway.url, 'mutation($id: ID!) { resendMessage(id: $id) { status } }', { id: failed.node.id });
  expect(resent.errors).toBeUndefined();
  await sleep(100);
  expect(gateway.live.counters.polls).toBe(polls);
});

it('polls at once after executeCampaign, so the workspace counter moves without waiting for the next interval', async () => {
  // Welcome Series has SEND_MESSAGE nodes: each execution adds one message per node.
  const campaignId = campaignGlobalId({ backend: WORKSPACE, nativeId: 'cmp_welcome_series' });
  const subscription = subscribeSse(gateway.url, { campaignId });
  const [first] = await subscription.waitForResults(1);
  const polls = gateway.live.counters.polls;
  const executed = await execute(gateway.url, 'mutation($id: ID!) { executeCampaign(campaignId: $id, input: { contactId: "ct_42" }) { executed } }', {
    id: campaignId,
  });
  expect(executed.errors).toBeUndefined();
  const [, second] = await subscription.waitForResults(2, 5000);
  expect(second!.data!.deliveryStats!.sent).toBeGreaterThan(first!.data!.deliveryStats!.sent);
  expect(gateway.live.counters.polls).toBe(polls + 1);
  subscription.close();
});
