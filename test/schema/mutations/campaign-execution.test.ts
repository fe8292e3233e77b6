import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignStateDocument, CampaignsNamedDocument, ExecuteCampaignDocument } from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { backendState, type BackendState } from './backend-state.js';
import { expectGatewayError, writesTo } from './expect-gateway-error.js';

let harness: GatewayHarness;
let state: BackendState;
let campaign: { id: string; nativeId: string };
let sendMessageNodes: number;

beforeAll(async () => {
  harness = await startGatewayHarness();
  state = backendState(harness.backends);
  const found = await harness.execute(CampaignsNamedDocument, { backends: ['growth'], nameContains: 'Welcome Series' });
  campaign = found.data!.campaigns.nodes[0]!;
  const stored = await state.workspaceCampaign(campaign.nativeId);
  sendMessageNodes = (stored.json.workflow.nodes as { type: string }[]).filter((node) => node.type === 'SEND_MESSAGE').length;
});
afterAll(() => harness.close());

async function sentCount(): Promise<number> {
  const read = await harness.execute(CampaignStateDocument, { id: campaign.id });
  expect(read.errors).toBeUndefined();
  return read.data!.campaign!.deliveryStats!.sent;
}

describe('executeCampaign on the workspace', () => {
  it('for one contact: executed with an execution id, and each SEND_MESSAGE node adds a message in a later read', async () => {
    const before = await sentCount();
    const result = await harness.execute(ExecuteCampaignDocument, { campaignId: campaign.id, input: { contactId: 'ct_ana' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.executeCampaign).toEqual({ executed: true, executionId: expect.stringMatching(/^exe_/) });
    expect(await sentCount()).toBe(before + sendMessageNodes);
    expect((await state.workspaceCampaign(campaign.nativeId)).json._count.messages).toBe(before + sendMessageNodes);
  });

  it('for a trigger: processes it with its segment and answers a new execution id', async () => {
    const before = await sentCount();
    const first = await harness.execute(ExecuteCampaignDocument, { campaignId: campaign.id, input: { triggerType: 'SEGMENT_ENTRY', segmentId: 'seg_new_signups' } });
    const second = await harness.execute(ExecuteCampaignDocument, { campaignId: campaign.id, input: { triggerType: 'EVENT', eventType: 'signed_up' } });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(first.data!.executeCampaign.executed).toBe(true);
    expect(second.data!.executeCampaign.executionId).not.toBe(first.data!.executeCampaign.executionId);
    expect(await sentCount()).toBe(before + 2 * sendMessageNodes);
  });

  it.each([
    ['both contactId and triggerType', { contactId: 'ct_ana', triggerType: 'MANUAL' as const }],
    ['neither contactId nor triggerType', { segmentId: 'seg_1' }],
    ['nothing at all', {}],
  ])('%s is BAD_USER_INPUT on input and reaches no backend', async (_case, input) => {
    harness.backends.workspace.requests.clear();
    const result = await harness.execute(ExecuteCampaignDocument, { campaignId: campaign.id, input });
    expectGatewayError(result, { code: 'BAD_USER_INPUT', field: 'input', message: 'exactly one of contactId and triggerType' });
    expect(harness.backends.workspace.requests.count()).toBe(0);
  });

  it('a segmentId beside a contactId is BAD_USER_INPUT on input.segmentId (only a trigger takes one)', async () => {
    harness.backends.workspace.requests.clear();
    const result = await harness.execute(ExecuteCampaignDocument, { campaignId: campaign.id, input: { contactId: 'ct_ana', segmentId: 'seg_1' } });
    expectGatewayError(result, { code: 'BAD_USER_INPUT', field: 'input.segmentId', backend: 'growth' });
    expect(writesTo(harness.backends.workspace)).toEqual([]);
  });
});
