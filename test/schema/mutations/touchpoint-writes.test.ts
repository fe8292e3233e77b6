import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CampaignStateDocument,
  CampaignsNamedDocument,
  CreateTouchpointDocument,
  DeleteTouchpointDocument,
  TouchpointByIdDocument,
  UpdateTouchpointDocument,
} from '../../generated/graphql.js';
import { encodeGlobalId } from '../../../src/model/global-id.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { backendState, type BackendState } from './backend-state.js';

let harness: GatewayHarness;
let state: BackendState;

beforeAll(async () => {
  harness = await startGatewayHarness();
  state = backendState(harness.backends);
});
afterAll(() => harness.close());

async function campaignIdNamed(backend: string, name: string): Promise<{ id: string; nativeId: string }> {
  const result = await harness.execute(CampaignsNamedDocument, { backends: [backend], nameContains: name });
  const found = result.data!.campaigns.nodes.find((node) => node.name === name);
  if (!found) throw new Error(`no campaign "${name}" on ${backend}`);
  return found;
}

async function touchpointsRead(id: string) {
  const result = await harness.execute(CampaignStateDocument, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.campaign!.touchpoints!;
}

/** The workspace workflow as the backend holds it. */
async function workflowOf(nativeId: string): Promise<{ nodes: any[]; edges: any[] }> {
  const answer = await state.workspaceCampaign(nativeId);
  expect(answer.status).toBe(200);
  return answer.json.workflow;
}

const encodeTouchpointId = (campaignNativeId: string, nodeId: string) => encodeGlobalId('Touchpoint', ['growth', campaignNativeId, nodeId]);

const withoutNodes = (nodes: any[], ids: string[]) => nodes.filter((node) => !ids.includes(node.id));

describe('touchpoint API campaign: touchpoints created, changed and deleted through GraphQL', () => {
  it('create appends, update renames, rewrites and moves (renumbering the rest), delete restores the rest as it was', async () => {
    const campaign = await campaignIdNamed('messaging', "Valentine's Day Gift Guide");
    const before = (await state.touchpointsOf(campaign.nativeId)).json.data as any[];
    expect(before.length).toBeGreaterThan(1);

    const created = await harness.execute(CreateTouchpointDocument, {
      input: { campaignId: campaign.id, name: 'Thank-you note', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Thank you', text: 'Thanks for shopping.' } },
    });
    expect(created.errors).toBeUndefined();
    const touchpoint = created.data!.createTouchpoint;
    expect(touchpoint).toMatchObject({
      name: 'Thank-you note',
      type: 'MESSAGE',
      rawType: 'message',
      channel: 'EMAIL',
      message: { subject: 'Thank you', text: 'Thanks for shopping.' },
      position: before.length,
      campaign: { id: campaign.id },
    });
    const stored = await state.touchpoint(touchpoint.nativeId);
    expect(stored.json).toMatchObject({
      _id: touchpoint.nativeId,
      campaign_id: campaign.nativeId,
      type: 'message',
      name: 'Thank-you note',
      message: { subject: 'Thank you', text: 'Thanks for shopping.' },
      position: before.length,
    });
    expect((await state.touchpointsOf(campaign.nativeId)).json.data.slice(0, before.length)).toEqual(before);
    expect((await touchpointsRead(campaign.id)).map((tp) => tp.id).at(-1)).toBe(touchpoint.id);

    const updated = await harness.execute(UpdateTouchpointDocument, {
      id: touchpoint.id,
      input: { name: 'Thank-you note (first)', message: { subject: 'Thanks!', text: 'We are glad you came.' }, position: 0 },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateTouchpoint).toMatchObject({ id: touchpoint.id, name: 'Thank-you note (first)', position: 0, message: { subject: 'Thanks!' } });
    const moved = (await state.touchpointsOf(campaign.nativeId)).json.data as any[];
    expect(moved.map((tp) => tp._id)).toEqual([touchpoint.nativeId, ...before.map((tp) => tp._id)]);
    expect(moved.slice(1)).toEqual(before.map((tp, index) => ({ ...tp, position: index + 1 })));
    expect((await touchpointsRead(campaign.id))[0]).toMatchObject({ id: touchpoint.id, name: 'Thank-you note (first)', position: 0 });

    const deleted = await harness.execute(DeleteTouchpointDocument, { id: touchpoint.id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteTouchpoint).toBe(touchpoint.id);
    expect((await state.touchpoint(touchpoint.nativeId)).status).toBe(404);
    expect((await state.touchpointsOf(campaign.nativeId)).json.data).toEqual(before);
    expect((await harness.execute(TouchpointByIdDocument, { id: touchpoint.id })).data!.touchpoint).toBeNull();
    expect((await touchpointsRead(campaign.id)).map((tp) => tp.id)).not.toContain(touchpoint.id);
  });

  it('ACTION and DELAY touchpoints take their settings as the message', async () => {
    const campaign = await campaignIdNamed('messaging', 'Easter Flash Sale');
    const created = await harness.execute(CreateTouchpointDocument, {
      input: { campaignId: campaign.id, name: 'Wait an hour', type: 'DELAY', message: { duration: 'PT1H' } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTouchpoint).toMatchObject({ type: 'DELAY', rawType: 'delay', message: { duration: 'PT1H' } });
    expect((await state.touchpoint(created.data!.createTouchpoint.nativeId)).json).toMatchObject({ type: 'delay', message: { duration: 'PT1H' } });
    expect((await harness.execute(DeleteTouchpointDocument, { id: created.data!.createTouchpoint.id })).errors).toBeUndefined();
  });
});

describe('workspace campaign: touchpoints are workflow nodes written as whole workflows', () => {
  it('create, update, move and delete keep every other node and edge exactly as the backend had them', async () => {
    const campaign = await campaignIdNamed('growth', 'Welcome Series');
    const before = await workflowOf(campaign.nativeId);
    expect(before.edges.length).toBeGreaterThan(0);

    const message = await harness.execute(CreateTouchpointDocument, {
      input: { campaignId: campaign.id, name: 'Week-one recap', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Your first week', body: 'Here is what you did.' } },
    });
    expect(message.errors).toBeUndefined();
    const added = message.data!.createTouchpoint;
    expect(added).toMatchObject({ name: 'Week-one recap', type: 'MESSAGE', rawType: 'SEND_MESSAGE', channel: 'EMAIL', position: before.nodes.length });
    let now = await workflowOf(campaign.nativeId);
    expect(withoutNodes(now.nodes, [added.nativeId])).toEqual(before.nodes);
    expect(now.edges).toEqual(before.edges);
    expect(now.nodes.find((node) => node.id === added.nativeId)).toMatchObject({
      kind: 'ACTION',
      type: 'SEND_MESSAGE',
      name: 'Week-one recap',
      position: before.nodes.length,
      config: { channel: 'EMAIL', subject: 'Your first week', body: 'Here is what you did.' },
    });

    const delay = await harness.execute(CreateTouchpointDocument, {
      input: { campaignId: campaign.id, name: 'Wait three days', type: 'DELAY', rawType: 'LONG_DELAY', config: { days: 3 } },
    });
    expect(delay.errors).toBeUndefined();
    const delayNode = delay.data!.createTouchpoint;
    expect(delayNode).toMatchObject({ type: 'DELAY', rawType: 'LONG_DELAY', position: before.nodes.length + 1 });
    now = await workflowOf(campaign.nativeId);
    expect(withoutNodes(now.nodes, [added.nativeId, delayNode.nativeId])).toEqual(before.nodes);
    expect(now.edges).toEqual(before.edges);

    const updated = await harness.execute(UpdateTouchpointDocument, {
      id: added.id,
      input: { name: 'Week-one summary', message: 'A new body.', config: { subject: 'Week one, summed up' } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateTouchpoint).toMatchObject({ name: 'Week-one summary', channel: 'EMAIL' });
    now = await workflowOf(campaign.nativeId);
    expect(now.nodes.find((node) => node.id === added.nativeId)!.config).toEqual({ channel: 'EMAIL', subject: 'Week one, summed up', body: 'A new body.' });
    expect(withoutNodes(now.nodes, [added.nativeId, delayNode.nativeId])).toEqual(before.nodes);
    expect(now.edges).toEqual(before.edges);

    const movedFirst = await harness.execute(UpdateTouchpointDocument, { id: added.id, input: { position: 0 } });
    expect(movedFirst.errors).toBeUndefined();
    expect(movedFirst.data!.updateTouchpoint.position).toBe(0);
    now = await workflowOf(campaign.nativeId);
    const byPosition = [...now.nodes].sort((a, b) => a.position - b.position);
    expect(byPosition.map((node) => node.id)).toEqual([added.nativeId, ...before.nodes.map((node) => node.id), delayNode.nativeId]);
    // Only the positions of the others moved, each by one.
    expect(withoutNodes(now.nodes, [added.nativeId, delayNode.nativeId])).toEqual(before.nodes.map((node) => ({ ...node, position: node.position + 1 })));
    expect((await touchpointsRead(campaign.id))[0]!.id).toBe(added.id);

    for (const id of [added.id, delayNode.id]) {
      const deleted = await harness.execute(DeleteTouchpointDocument, { id });
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data!.deleteTouchpoint).toBe(id);
    }
    expect(await workflowOf(campaign.nativeId)).toEqual(before);
    expect((await harness.execute(TouchpointByIdDocument, { id: added.id })).data!.touchpoint).toBeNull();
  });

  it('20 parallel createTouchpoint calls on one campaign leave 20 new nodes and every old node and edge', async () => {
    const campaign = await campaignIdNamed('growth', 'Abandoned Cart Recovery');
    const before = await workflowOf(campaign.nativeId);
    harness.backends.workspace.requests.clear();

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        harness.execute(CreateTouchpointDocument, {
          input: { campaignId: campaign.id, name: `Parallel tag ${i}`, type: 'ACTION', rawType: 'ADD_TAG', config: { tag: `parallel_${i}` } },
        }),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const created = results.map((result) => result.data!.createTouchpoint);
    expect(new Set(created.map((tp) => tp.nativeId)).size).toBe(20);

    const after = await workflowOf(campaign.nativeId);
    expect(after.nodes).toHaveLength(before.nodes.length + 20);
    expect(withoutNodes(after.nodes, created.map((tp) => tp.nativeId))).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    const names = after.nodes.filter((node) => node.name?.startsWith('Parallel tag ')).map((node) => node.name).sort();
    expect(names).toEqual(Array.from({ length: 20 }, (_, i) => `Parallel tag ${i}`).sort());
    expect(new Set(after.nodes.map((node) => node.position)).size).toBe(after.nodes.length);
    // One whole-workflow PATCH per create, none repeated.
    expect(harness.backends.workspace.requests.count({ method: 'PATCH' })).toBe(20);

    const read = await touchpointsRead(campaign.id);
    expect(read).toHaveLength(before.nodes.length + 20);
    expect(read.map((tp) => tp.id)).toEqual(expect.arrayContaining(created.map((tp) => tp.id)));
  });

  it('parallel creates, renames and deletes on one campaign all take effect', async () => {
    const campaign = await campaignIdNamed('growth', 'Order Confirmation');
    const doomed = await Promise.all(
      [0, 1, 2].map((i) =>
        harness.execute(CreateTouchpointDocument, { input: { campaignId: campaign.id, name: `Doomed ${i}`, type: 'ACTION', rawType: 'REMOVE_TAG', config: { tag: `d${i}` } } }),
      ),
    );
    const before = await workflowOf(campaign.nativeId);
    const doomedIds = doomed.map((result) => result.data!.createTouchpoint);
    const survivors = before.nodes.filter((node) => !doomedIds.some((tp) => tp.nativeId === node.id));

    const results = await Promise.all([
      ...[0, 1, 2, 3].map((i) =>
        harness.execute(CreateTouchpointDocument, { input: { campaignId: campaign.id, name: `Mixed ${i}`, type: 'ACTION', rawType: 'ADD_TAG', config: { tag: `m${i}` } } }),
      ),
      ...survivors.map((node) =>
        harness.execute(UpdateTouchpointDocument, {
          id: encodeTouchpointId(campaign.nativeId, node.id),
          input: { name: `${node.name} (renamed)` },
        }),
      ),
      ...doomedIds.map((tp) => harness.execute(DeleteTouchpointDocument, { id: tp.id })),
    ]);
    for (const result of results) expect(result.errors).toBeUndefined();

    const after = await workflowOf(campaign.nativeId);
    expect(after.nodes.map((node) => node.id)).not.toEqual(expect.arrayContaining(doomedIds.map((tp) => tp.nativeId)));
    for (const node of survivors) expect(after.nodes.find((n) => n.id === node.id)).toEqual({ ...node, name: `${node.name} (renamed)`, position: expect.any(Number) });
    expect(after.nodes.filter((node) => node.name?.startsWith('Mixed ')).map((node) => node.name).sort()).toEqual(['Mixed 0', 'Mixed 1', 'Mixed 2', 'Mixed 3']);
    expect(after.nodes).toHaveLength(survivors.length + 4);
    expect(after.edges).toEqual(before.edges);
  });
});
