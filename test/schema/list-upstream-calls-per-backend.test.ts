import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

/** The configured name of each backend kind in the harness. */
const NAMES = { workspace: 'growth', v2: 'broadcast', schemaType: 'contact-center', touchpoint: 'messaging' } as const;

const LEAN = '{ campaigns(first: 20) { nodes { id name status createdAt backend { name } } } }';
const RICH = '{ campaigns(first: 20) { nodes { id nativeId name status createdAt channels touchpoints { id type } deliveryStats { sent } backend { name } } } }';

interface ListedNode {
  id: string;
  nativeId: string;
  backend: { name: string };
  channels?: string[];
  touchpoints?: { id: string; type: string }[] | null;
}

let harness: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

/** Runs a query and answers its nodes and the upstream requests it caused, by backend. */
async function listWithCalls(query: string) {
  harness.clearUpstreamRequests();
  const result = await harness.execute<{ campaigns: { nodes: ListedNode[] } }>(query);
  expect(result.errors).toBeUndefined();
  const requests = harness.upstreamRequests();
  const of = (backend: string) => requests.filter((r) => r.backend === backend);
  return { nodes: result.data!.campaigns.nodes, of };
}

describe('upstream calls of a campaign list, counted at the reference backends', () => {
  it('a lean list (fields every list form carries) costs one call per backend', async () => {
    const { nodes, of } = await listWithCalls(LEAN);
    expect(new Set(nodes.map((n) => n.backend.name))).toEqual(new Set(Object.values(NAMES)));
    for (const name of Object.values(NAMES)) expect(of(name)).toHaveLength(1);
  });

  it.each(Object.entries(NAMES))('a lean list of the %s backend alone costs one call', async (_kind, name) => {
    const { nodes, of } = await listWithCalls(LEAN.replace('first: 20', `first: 20, filter: { backends: ["${name}"] }`));
    expect(nodes.length).toBeGreaterThan(0);
    expect(of(name)).toHaveLength(1);
  });

  it('a rich list adds only the full records of the workspace campaigns on the page and the touchpoint lists of the touchpoint campaigns on it', async () => {
    const { nodes, of } = await listWithCalls(RICH);
    const onPage = (name: string) => nodes.filter((n) => n.backend.name === name).map((n) => n.nativeId);
    const workspace = onPage(NAMES.workspace);
    const touchpoint = onPage(NAMES.touchpoint);
    expect(workspace.length).toBeGreaterThan(0);
    expect(touchpoint.length).toBeGreaterThan(0);

    const workspaceReads = of(NAMES.workspace).filter((r) => /\/campaigns\/[^/]+$/.test(r.path));
    expect(of(NAMES.workspace)).toHaveLength(1 + workspace.length);
    expect(workspaceReads.map((r) => decodeURIComponent(r.path.split('/').at(-1)!)).sort()).toEqual([...workspace].sort());

    // The campaign is known from the list: its touchpoints need no read of the campaign itself.
    const touchpointLists = of(NAMES.touchpoint).filter((r) => r.path === '/v1/touchpoints');
    expect(of(NAMES.touchpoint)).toHaveLength(1 + touchpoint.length);
    expect(touchpointLists.map((r) => r.query.campaign_id).sort()).toEqual([...touchpoint].sort());

    expect(of(NAMES.v2)).toHaveLength(1);
    expect(of(NAMES.schemaType)).toHaveLength(1);
  });

  it('answers a rich list with the same campaigns as reading each of them by id', async () => {
    const { nodes } = await listWithCalls(RICH);
    const ids = nodes.map((n) => n.id);
    const byId = await harness.execute<{ nodes: ListedNode[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Campaign { id nativeId name status createdAt channels touchpoints { id type } deliveryStats { sent } backend { name } } } }',
      { ids },
    );
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.nodes).toEqual(nodes);
  });

  it('the workspace list form carries description, updatedAt and scheduledAt; raw takes the full record', async () => {
    const listForm = await listWithCalls(
      '{ campaigns(first: 20, filter: { backends: ["growth"] }) { nodes { id description updatedAt scheduledAt enrollmentCount deliveryStats { sent } } } }',
    );
    expect(listForm.of(NAMES.workspace)).toHaveLength(1);
    const full = await listWithCalls('{ campaigns(first: 20, filter: { backends: ["growth"] }) { nodes { id raw } } }');
    expect(full.of(NAMES.workspace)).toHaveLength(1 + full.nodes.length);
    for (const node of full.nodes as unknown as { raw: { workflow?: unknown } }[]) expect(node.raw.workflow).toBeDefined();
  });

  it('sees a field the list form lacks through fragments, inline fragments and aliases', async () => {
    harness.clearUpstreamRequests();
    const result = await harness.execute<{ campaigns: { edges: { node: { id: string; kinds: string[] } }[] } }>(`
      query { campaigns(first: 3, filter: { backends: ["growth"] }) { ...Page } }
      fragment Page on CampaignConnection { edges { node { id ... on Campaign { kinds: channels } } } }
    `);
    expect(result.errors).toBeUndefined();
    expect(harness.upstreamRequests()).toHaveLength(1 + 3);
    expect(result.data!.campaigns.edges.some((e) => e.node.kinds.length > 0)).toBe(true);
  });
});
