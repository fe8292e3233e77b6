import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../src/model/global-id.js';
import { CampaignMessagesDocument, CampaignStateDocument, NodeByIdDocument } from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { backendState, type BackendState } from './backend-state.js';

/**
 * Reads after a write see it: later fields of the same mutation request (which
 * share the request's loaders and upstream memo with the fields before the write)
 * and later requests.
 */

let harness: GatewayHarness;
let state: BackendState;

beforeAll(async () => {
  harness = await startGatewayHarness();
  state = backendState(harness.backends);
});
afterAll(() => harness.close());

type TouchpointList = { id: string; name: string | null }[];

describe('later fields of the same mutation request', () => {
  it('workspace: a second createTouchpoint\'s campaign shows both new nodes, though the first field already loaded that campaign', async () => {
    const campaignId = encodeGlobalId('Campaign', ['growth', 'cmp_trial_ending']);
    const result = await harness.execute<{
      first: { id: string; campaign: { name: string; touchpoints: TouchpointList } };
      renamed: { name: string };
      second: { id: string; campaign: { name: string; touchpoints: TouchpointList } };
    }>(
      `mutation ($campaignId: ID!) {
        first: createTouchpoint(input: { campaignId: $campaignId, name: "Same-request one", type: ACTION, rawType: "ADD_TAG", config: { tag: "one" } }) {
          id campaign { name touchpoints { id name } }
        }
        renamed: updateCampaign(id: $campaignId, input: { name: "Trial Ending Reminder (edited)" }) { name }
        second: createTouchpoint(input: { campaignId: $campaignId, name: "Same-request two", type: ACTION, rawType: "ADD_TAG", config: { tag: "two" } }) {
          id campaign { name touchpoints { id name } }
        }
      }`,
      { campaignId },
    );
    expect(result.errors).toBeUndefined();
    const { first, second } = result.data!;
    expect(first.campaign.touchpoints.map((tp) => tp.id)).toContain(first.id);
    expect(first.campaign.touchpoints.map((tp) => tp.id)).not.toContain(second.id);
    expect(second.campaign.touchpoints.map((tp) => tp.id)).toEqual([...first.campaign.touchpoints.map((tp) => tp.id), second.id]);
    expect(second.campaign.name).toBe('Trial Ending Reminder (edited)');

    const later = await harness.execute(CampaignStateDocument, { id: campaignId });
    expect(later.data!.campaign!.name).toBe('Trial Ending Reminder (edited)');
    expect(later.data!.campaign!.touchpoints!.map((tp) => tp.id)).toEqual(second.campaign.touchpoints.map((tp) => tp.id));
  });

  it('touchpoint API: a rename and a new touchpoint show in a later field that reads the same touchpoint and campaign again', async () => {
    const campaignNativeId = 'cmp_5eed00000000000000000003';
    const campaignId = encodeGlobalId('Campaign', ['messaging', campaignNativeId]);
    const firstTouchpoint = (await state.touchpointsOf(campaignNativeId)).json.data[0];
    const touchpointId = encodeGlobalId('Touchpoint', ['messaging', campaignNativeId, firstTouchpoint._id]);

    const result = await harness.execute<{
      before: { name: string; campaign: { touchpoints: TouchpointList } };
      rename: { name: string };
      added: { id: string };
      after: { name: string; campaign: { touchpoints: TouchpointList } };
    }>(
      `mutation ($touchpointId: ID!, $campaignId: ID!, $position: Int!) {
        before: updateTouchpoint(id: $touchpointId, input: { position: $position }) { name campaign { touchpoints { id name } } }
        rename: updateTouchpoint(id: $touchpointId, input: { name: "Sneak peek (renamed)" }) { name }
        added: createTouchpoint(input: { campaignId: $campaignId, name: "Added in the same request", type: MESSAGE, message: { subject: "Hi", text: "Hello" } }) { id }
        after: updateTouchpoint(id: $touchpointId, input: { position: $position }) { name campaign { touchpoints { id name } } }
      }`,
      // Moving a touchpoint to where it is: a write that changes nothing, whose result reads the state so far.
      { touchpointId, campaignId, position: firstTouchpoint.position },
    );
    expect(result.errors).toBeUndefined();
    const { before, added, after } = result.data!;
    expect(before.name).toBe(firstTouchpoint.name);
    expect(after.name).toBe('Sneak peek (renamed)');
    expect(after.campaign.touchpoints).toHaveLength(before.campaign.touchpoints.length + 1);
    expect(after.campaign.touchpoints[0]).toEqual({ id: touchpointId, name: 'Sneak peek (renamed)' });
    expect(after.campaign.touchpoints.at(-1)!.id).toBe(added.id);

    const node = await harness.execute(NodeByIdDocument, { id: added.id });
    expect(node.data!.node).toMatchObject({ __typename: 'Touchpoint', id: added.id, touchpointName: 'Added in the same request' });
  });

  it('v2: each resend lowers the failed counter its own result reads, and a later query agrees', async () => {
    let campaignNativeId = '';
    let failed: string[] = [];
    for (let id = 380; id < 400 && failed.length < 2; id++) {
      const messages = await state.v2Messages(id);
      if (messages.status !== 200) continue;
      campaignNativeId = String(id);
      failed = (messages.json.data as { MessageKey: string; Status: string }[])
        .filter((m) => m.Status === 'failed')
        .map((m) => encodeGlobalId('Message', ['broadcast', campaignNativeId, m.MessageKey]));
    }
    expect(failed.length).toBeGreaterThanOrEqual(2);
    const failedBefore = (await state.v2Campaign(campaignNativeId)).FailedCount as number;

    type Resent = { status: string; campaign: { deliveryStats: { failed: number } } };
    const result = await harness.execute<{ a: Resent; b: Resent }>(
      `mutation ($a: ID!, $b: ID!) {
        a: resendMessage(id: $a) { status campaign { deliveryStats { failed } } }
        b: resendMessage(id: $b) { status campaign { deliveryStats { failed } } }
      }`,
      { a: failed[0], b: failed[1] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.a).toEqual({ status: 'PENDING', campaign: { deliveryStats: { failed: failedBefore - 1 } } });
    expect(result.data!.b).toEqual({ status: 'PENDING', campaign: { deliveryStats: { failed: failedBefore - 2 } } });

    const later = await harness.execute(CampaignMessagesDocument, { id: encodeGlobalId('Campaign', ['broadcast', campaignNativeId]), first: 100 });
    expect(later.data!.campaign!.deliveryStats!.failed).toBe(failedBefore - 2);
  });
});

describe('later requests', () => {
  it('a created campaign is found by id and by node right after, and a deleted one is gone', async () => {
    const created = await harness.execute<{ createCampaign: { id: string } }>(
      `mutation { createCampaign(input: { backend: "contact-center", name: "Read after write", workflowId: "wf_raw" }) { id } }`,
    );
    const id = created.data!.createCampaign.id;
    expect((await harness.execute(NodeByIdDocument, { id })).data!.node).toMatchObject({ __typename: 'Campaign', name: 'Read after write' });
    await harness.execute(`mutation ($id: ID!) { deleteCampaign(id: $id) }`, { id });
    expect((await harness.execute(NodeByIdDocument, { id })).data!.node).toBeNull();
    expect((await harness.execute(CampaignStateDocument, { id })).data!.campaign).toBeNull();
  });
});
