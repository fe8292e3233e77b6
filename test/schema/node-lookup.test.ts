import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CampaignDetailDocument,
  CampaignsPageDocument,
  NodeByIdDocument,
  NodesByIdsDocument,
  TouchpointByIdDocument,
} from '../generated/graphql.js';
import { encodeGlobalId } from '../../src/model/global-id.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

let harness: GatewayHarness;
let ids: Record<string, string>;

beforeAll(async () => {
  harness = await startGatewayHarness();
  const page = await harness.execute(CampaignsPageDocument, { first: 100 });
  ids = {};
  for (const { node } of page.data!.campaigns.edges) ids[node.backend.name] ??= node.id;
});
afterAll(() => harness.close());

describe('node, nodes, campaign and touchpoint lookups', () => {
  it('reads a campaign of each backend back by its global id, through node and campaign alike', async () => {
    for (const [backend, id] of Object.entries(ids)) {
      const node = await harness.execute(NodeByIdDocument, { id });
      expect(node.errors).toBeUndefined();
      expect(node.data!.node).toMatchObject({ __typename: 'Campaign', id });
      const campaign = await harness.execute(CampaignDetailDocument, { id });
      expect(campaign.errors, backend).toBeUndefined();
      expect(campaign.data!.campaign).toMatchObject({ id, backend: { name: backend } });
    }
  });

  it('gives the same id on every read: ids are a pure function of backend and native id', async () => {
    const again = await harness.execute(CampaignsPageDocument, { first: 100 });
    const byNative = new Map(again.data!.campaigns.edges.map(({ node }) => [`${node.backend.name}/${node.nativeId}`, node.id]));
    for (const { node } of again.data!.campaigns.edges) {
      expect(encodeGlobalId('Campaign', [node.backend.name, node.nativeId])).toBe(node.id);
      expect(byNative.get(`${node.backend.name}/${node.nativeId}`)).toBe(node.id);
    }
  });

  it('nodes answers in the order of the ids, null for a well-formed id that does not exist', async () => {
    const missing = encodeGlobalId('Campaign', ['growth', 'cmp_does_not_exist']);
    const result = await harness.execute(NodesByIdsDocument, { ids: [ids.broadcast!, missing, ids.growth!] });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.id ?? null)).toEqual([ids.broadcast, null, ids.growth]);
  });

  it('an id naming a backend that is not configured is BAD_USER_INPUT at its own position, the others answered', async () => {
    const otherBackend = encodeGlobalId('Campaign', ['not-configured', '1']);
    const result = await harness.execute(NodesByIdsDocument, { ids: [ids.broadcast!, otherBackend, ids.growth!] });
    expect(result.data!.nodes.map((n) => n?.id ?? null)).toEqual([ids.broadcast, null, ids.growth]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    const single = await harness.execute(CampaignDetailDocument, { id: otherBackend });
    expect(single.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('a malformed id is BAD_USER_INPUT, for node and for campaign', async () => {
    for (const id of ['nonsense', 'eyJmb28iOjF9', encodeGlobalId('Campaign', ['only-one-part'] as never)]) {
      const node = await harness.execute(NodeByIdDocument, { id });
      expect(node.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      const campaign = await harness.execute(CampaignDetailDocument, { id });
      expect(campaign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('campaign(id) with a touchpoint id is BAD_USER_INPUT; an unknown campaign reads as null', async () => {
    const tpId = encodeGlobalId('Touchpoint', ['messaging', 'cmp_x', 'tp_x']);
    const wrongType = await harness.execute(CampaignDetailDocument, { id: tpId });
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = await harness.execute(CampaignDetailDocument, { id: encodeGlobalId('Campaign', ['messaging', 'cmp_nope']) });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.campaign).toBeNull();
  });

  it('touchpoints round-trip through touchpoint(id) and node(id), for workspace, v2 and touchpoint backends', async () => {
    for (const backend of ['growth', 'broadcast', 'messaging']) {
      const detail = await harness.execute(CampaignDetailDocument, { id: ids[backend]! });
      const touchpoints = detail.data!.campaign!.touchpoints!;
      expect(touchpoints.length, backend).toBeGreaterThan(0);
      for (const tp of touchpoints) {
        expect(tp.campaign?.id).toBe(ids[backend]);
        const byId = await harness.execute(TouchpointByIdDocument, { id: tp.id });
        expect(byId.errors).toBeUndefined();
        expect(byId.data!.touchpoint).toMatchObject({ id: tp.id, nativeId: tp.nativeId, type: tp.type });
        const node = await harness.execute(NodeByIdDocument, { id: tp.id });
        expect(node.data!.node).toMatchObject({ __typename: 'Touchpoint', id: tp.id });
      }
    }
    const unknown = await harness.execute(TouchpointByIdDocument, { id: encodeGlobalId('Touchpoint', ['messaging', 'cmp_x', 'tp_x']) });
    expect(unknown.data!.touchpoint).toBeNull();
  });

  it('schemaType campaigns have no touchpoints, enrollments, counters or messages: null, not empty', async () => {
    const detail = await harness.execute(CampaignDetailDocument, { id: ids['contact-center']! });
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.campaign).toMatchObject({ touchpoints: null, enrollments: null, deliveryStats: null, messages: null, rawStatus: null, status: 'ACTIVE' });
  });

  it('v2 enrollments and messages are listable and their nodes round-trip', async () => {
    const detail = await harness.execute(CampaignDetailDocument, { id: ids.broadcast! });
    const campaign = detail.data!.campaign!;
    expect(campaign.enrollmentCount).toBe(campaign.enrollments!.totalCount);
    expect(campaign.enrollments!.nodes.length).toBeGreaterThan(0);
    const enrollment = campaign.enrollments!.nodes[0]!;
    expect(enrollment.campaign.id).toBe(ids.broadcast);
    const node = await harness.execute(NodeByIdDocument, { id: enrollment.id });
    expect(node.data!.node).toMatchObject({ __typename: 'Enrollment', contactId: enrollment.contactId });
    for (const message of campaign.messages!.nodes) {
      const found = await harness.execute(NodeByIdDocument, { id: message.id });
      expect(found.data!.node).toMatchObject({ __typename: 'Message', recipient: message.recipient, status: message.status });
    }
  });
});
