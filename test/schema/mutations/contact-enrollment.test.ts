import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignStateDocument, CampaignsNamedDocument, CreateCampaignDocument, EnrollContactsDocument, UpdateCampaignDocument } from '../../generated/graphql.js';
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

async function newWorkspaceCampaign(name: string): Promise<{ id: string; nativeId: string }> {
  const created = await harness.execute(CreateCampaignDocument, { input: { backend: 'growth', name } });
  expect(created.errors).toBeUndefined();
  return created.data!.createCampaign;
}

describe('enrollContacts on the workspace', () => {
  it('answers ENROLLED, ALREADY_ENROLLED and FAILED per contact, and the count moves on the backend and in later reads', async () => {
    const campaign = await newWorkspaceCampaign('Enrollment target');
    const activated = await harness.execute(UpdateCampaignDocument, { id: campaign.id, input: { status: 'ACTIVE' } });
    expect(activated.data!.updateCampaign.status).toBe('ACTIVE');

    const first = await harness.execute(EnrollContactsDocument, { campaignId: campaign.id, contactIds: ['ct_ana', 'ct_ben', 'missing_carl'] });
    expect(first.errors).toBeUndefined();
    expect(first.data!.enrollContacts).toEqual({
      enrolled: 2,
      alreadyEnrolled: 0,
      failed: 1,
      results: [
        { contactId: 'ct_ana', status: 'ENROLLED', error: null },
        { contactId: 'ct_ben', status: 'ENROLLED', error: null },
        { contactId: 'missing_carl', status: 'FAILED', error: 'Contact not found' },
      ],
    });

    const second = await harness.execute(EnrollContactsDocument, { campaignId: campaign.id, contactIds: ['ct_ana', 'ct_dora'] });
    expect(second.errors).toBeUndefined();
    expect(second.data!.enrollContacts).toEqual({
      enrolled: 1,
      alreadyEnrolled: 1,
      failed: 0,
      results: [
        { contactId: 'ct_ana', status: 'ALREADY_ENROLLED', error: null },
        { contactId: 'ct_dora', status: 'ENROLLED', error: null },
      ],
    });

    expect((await state.workspaceCampaign(campaign.nativeId)).json._count.enrollments).toBe(3);
    const read = await harness.execute(CampaignStateDocument, { id: campaign.id });
    expect(read.data!.campaign!.enrollmentCount).toBe(3);
  });

  it('a DRAFT or PAUSED campaign refuses with CONFLICT "Campaign is not active" and nothing is enrolled', async () => {
    const draft = await newWorkspaceCampaign('Enrollment draft');
    const paused = await harness.execute(CampaignsNamedDocument, { backends: ['growth'], nameContains: 'Win-back Lapsed' });
    const pausedCampaign = paused.data!.campaigns.nodes[0]!;
    expect(pausedCampaign.status).toBe('PAUSED');
    const pausedBefore = (await state.workspaceCampaign(pausedCampaign.nativeId)).json._count.enrollments;

    for (const campaign of [draft, pausedCampaign]) {
      const refused = await harness.execute(EnrollContactsDocument, { campaignId: campaign.id, contactIds: ['ct_ana'] });
      expectGatewayError(refused, { code: 'CONFLICT', backend: 'growth', message: 'Campaign is not active' });
    }
    expect((await state.workspaceCampaign(draft.nativeId)).json._count.enrollments).toBe(0);
    expect((await state.workspaceCampaign(pausedCampaign.nativeId)).json._count.enrollments).toBe(pausedBefore);
  });

  it.each([
    ['an empty contact list', [] as string[], 'must not be empty'],
    ['more than 1000 contacts in one call', Array.from({ length: 1001 }, (_, i) => `ct_${i}`), 'at most 1000'],
  ])('%s is BAD_USER_INPUT on contactIds and sends nothing', async (_case, contactIds, message) => {
    const campaign = await newWorkspaceCampaign(`Enrollment refused ${contactIds.length}`);
    harness.backends.workspace.requests.clear();
    const result = await harness.execute(EnrollContactsDocument, { campaignId: campaign.id, contactIds });
    expectGatewayError(result, { code: 'BAD_USER_INPUT', field: 'contactIds', message });
    expect(writesTo(harness.backends.workspace)).toEqual([]);
  });
});
