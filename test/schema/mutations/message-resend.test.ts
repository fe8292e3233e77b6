import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignMessagesDocument, CampaignsNamedDocument, ResendMessageDocument } from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { backendState, type BackendState } from './backend-state.js';
import { expectGatewayError, writesTo } from './expect-gateway-error.js';

let harness: GatewayHarness;
let state: BackendState;

beforeAll(async () => {
  harness = await startGatewayHarness();
  state = backendState(harness.backends);
});
afterAll(() => harness.close());

/** The first message in `status` across the v2 campaigns, found through GraphQL only. */
async function findMessage(status: 'FAILED' | 'DELIVERED') {
  const campaigns = await harness.execute(CampaignsNamedDocument, { backends: ['broadcast'], nameContains: '' });
  for (const { id } of campaigns.data!.campaigns.nodes) {
    const read = await harness.execute(CampaignMessagesDocument, { id, first: 100 });
    expect(read.errors).toBeUndefined();
    const campaign = read.data!.campaign!;
    const message = campaign.messages!.nodes.find((m) => m.status === status);
    if (message) return { campaign, message };
  }
  throw new Error(`no ${status} message in the v2 seed`);
}

describe('resendMessage on v2', () => {
  it('a FAILED message goes back to PENDING and the campaign\'s failed counter drops in a later read', async () => {
    const { campaign, message } = await findMessage('FAILED');
    const failedBefore = campaign.deliveryStats!.failed!;

    harness.backends.v2.requests.clear();
    const resent = await harness.execute(ResendMessageDocument, { id: message.id });
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.resendMessage).toMatchObject({ id: message.id, recipient: message.recipient, status: 'PENDING', campaign: { id: campaign.id } });
    expect(writesTo(harness.backends.v2).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/campaign/resendMsg']);

    const later = await harness.execute(CampaignMessagesDocument, { id: campaign.id, first: 100 });
    expect(later.data!.campaign!.deliveryStats!.failed).toBe(failedBefore - 1);
    expect(later.data!.campaign!.messages!.nodes.find((m) => m.id === message.id)!.status).toBe('PENDING');

    const stored = (await state.v2Messages(campaign.nativeId)).json.data as { Status: string }[];
    expect(stored.filter((m) => m.Status === 'failed')).toHaveLength(failedBefore - 1);
    expect((await state.v2Campaign(campaign.nativeId)).FailedCount).toBe(failedBefore - 1);
  });

  it('a message that is not FAILED is CONFLICT with the backend\'s words, and stays as it was', async () => {
    const { campaign, message } = await findMessage('DELIVERED');
    const result = await harness.execute(ResendMessageDocument, { id: message.id });
    expectGatewayError(result, { code: 'CONFLICT', backend: 'broadcast', message: 'only failed messages can be resent' });
    const later = await harness.execute(CampaignMessagesDocument, { id: campaign.id, first: 100 });
    expect(later.data!.campaign!.messages!.nodes.find((m) => m.id === message.id)!.status).toBe('DELIVERED');
    expect(later.data!.campaign!.deliveryStats).toEqual(campaign.deliveryStats);
  });

  it('resending the same message twice: the second finds it PENDING and is CONFLICT', async () => {
    const { message } = await findMessage('FAILED');
    expect((await harness.execute(ResendMessageDocument, { id: message.id })).errors).toBeUndefined();
    expectGatewayError(await harness.execute(ResendMessageDocument, { id: message.id }), { code: 'CONFLICT', message: 'only failed messages can be resent' });
  });
});
