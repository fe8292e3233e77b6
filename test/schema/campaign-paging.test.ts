import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignsPageDocument, type CampaignOrder, type CampaignsPageQuery } from '../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { NAME_OF_KIND } from '../support/backend-kinds.js';

type Node = CampaignsPageQuery['campaigns']['edges'][number]['node'];

let harness: GatewayHarness;
let everything: Node[];

async function walk(first: number, orderBy: CampaignOrder, filter?: Record<string, unknown>): Promise<Node[]> {
  const seen: Node[] = [];
  let after: string | null = null;
  for (let page = 0; page < 200; page += 1) {
    const result: { data?: CampaignsPageQuery | null; errors?: unknown } = await harness.execute(CampaignsPageDocument, { first, after, orderBy, filter });
    expect(result.errors).toBeUndefined();
    const connection: CampaignsPageQuery['campaigns'] = result.data!.campaigns;
    expect(connection.edges.length).toBeLessThanOrEqual(first);
    expect(connection.nodes.map((n) => n.id)).toEqual(connection.edges.map((e) => e.node.id));
    seen.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) return seen;
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)!.cursor);
    after = connection.pageInfo.endCursor ?? null;
  }
  throw new Error('paging did not end');
}

function sortedCopy(nodes: Node[], key: (n: Node) => string, direction: 'ASC' | 'DESC'): Node[] {
  return [...nodes].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const cmp = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return direction === 'ASC' ? cmp : -cmp;
  });
}

beforeAll(async () => {
  harness = await startGatewayHarness();
  const result = await harness.execute(CampaignsPageDocument, { first: 100 });
  expect(result.errors).toBeUndefined();
  everything = result.data!.campaigns.edges.map((e) => e.node);
});
afterAll(() => harness.close());

describe('campaigns across all four backends', () => {
  it('lists every seeded campaign of every backend, newest first, with an exact totalCount', async () => {
    const result = await harness.execute(CampaignsPageDocument, { first: 100 });
    const backends = new Set(everything.map((n) => n.backend.name));
    expect(backends).toEqual(new Set(Object.values(NAME_OF_KIND)));
    expect(everything.length).toBeGreaterThanOrEqual(32);
    expect(result.data!.campaigns.totalCount).toBe(everything.length);
    expect(everything.map((n) => n.id)).toEqual(sortedCopy(everything, (n) => n.createdAt ?? '', 'DESC').map((n) => n.id));
  });

  it('interleaves backends in createdAt order rather than listing them one after another', () => {
    const firstFour = new Set(everything.slice(0, 4).map((n) => n.backend.name));
    expect(firstFour.size).toBeGreaterThan(1);
  });

  const orders: { orderBy: CampaignOrder; key: (n: Node) => string }[] = [
    { orderBy: { field: 'CREATED_AT', direction: 'DESC' }, key: (n) => n.createdAt ?? '' },
    { orderBy: { field: 'CREATED_AT', direction: 'ASC' }, key: (n) => n.createdAt ?? '' },
    { orderBy: { field: 'NAME', direction: 'ASC' }, key: (n) => n.name.toLowerCase() },
    { orderBy: { field: 'NAME', direction: 'DESC' }, key: (n) => n.name.toLowerCase() },
    { orderBy: { field: 'UPDATED_AT', direction: 'DESC' }, key: (n) => n.updatedAt ?? '' },
  ];
  for (const { orderBy, key } of orders) {
    for (const first of [1, 3, 7]) {
      it(`walks ${first} per page by ${orderBy.field} ${orderBy.direction}: every campaign once, in order`, async () => {
        const walked = await walk(first, orderBy);
        expect(walked.map((n) => n.id)).toEqual(sortedCopy(everything, key, orderBy.direction).map((n) => n.id));
      });
    }
  }

  it('a cursor only continues the list it came from', async () => {
    const page = await harness.execute(CampaignsPageDocument, { first: 2 });
    const after = page.data!.campaigns.pageInfo.endCursor;
    const other = await harness.execute(CampaignsPageDocument, { first: 2, after, orderBy: { field: 'NAME', direction: 'ASC' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const garbage = await harness.execute(CampaignsPageDocument, { first: 2, after: 'not-a-cursor' });
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('caps first at 100 and refuses negative sizes', async () => {
    for (const first of [101, -1]) {
      const result = await harness.execute(CampaignsPageDocument, { first });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});

describe('campaign filters', () => {
  it('selects backends by name and refuses unknown names', async () => {
    const walked = await walk(5, { field: 'CREATED_AT', direction: 'DESC' }, { backends: ['broadcast', 'messaging'] });
    expect(new Set(walked.map((n) => n.backend.name))).toEqual(new Set(['broadcast', 'messaging']));
    expect(walked.length).toBe(everything.filter((n) => ['broadcast', 'messaging'].includes(n.backend.name)).length);
    const unknown = await harness.execute(CampaignsPageDocument, { filter: { backends: ['nope'] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.backends' });
  });

  it('filters by status, channels (any of), name (case-insensitive) and exclusive created bounds', async () => {
    const active = await walk(4, { field: 'CREATED_AT', direction: 'DESC' }, { status: ['ACTIVE'] });
    expect(active.length).toBe(everything.filter((n) => n.status === 'ACTIVE').length);
    expect(active.every((n) => n.status === 'ACTIVE')).toBe(true);

    const voiceOrFax = await walk(3, { field: 'NAME', direction: 'ASC' }, { channels: ['VOICE', 'FAX'] });
    expect(voiceOrFax.map((n) => n.id).sort()).toEqual(
      everything.filter((n) => n.channels.some((c) => c === 'VOICE' || c === 'FAX')).map((n) => n.id).sort(),
    );

    const term = everything[0]!.name.slice(1, 5).toUpperCase();
    const named = await walk(2, { field: 'CREATED_AT', direction: 'ASC' }, { nameContains: term });
    expect(named.map((n) => n.id).sort()).toEqual(everything.filter((n) => n.name.toLowerCase().includes(term.toLowerCase())).map((n) => n.id).sort());
    expect(named.length).toBeGreaterThan(0);

    const pivot = everything[10]!.createdAt!;
    const after = await walk(7, { field: 'CREATED_AT', direction: 'DESC' }, { createdAfter: pivot });
    expect(after.map((n) => n.id)).toEqual(everything.slice(0, 10).map((n) => n.id));
    const before = await walk(7, { field: 'CREATED_AT', direction: 'DESC' }, { createdBefore: pivot });
    expect(before.map((n) => n.id)).toEqual(everything.slice(11).map((n) => n.id));
  });

  it('pushes the name filter down to the searchable backend', async () => {
    harness.clearUpstreamRequests();
    await harness.execute(CampaignsPageDocument, { filter: { nameContains: 'promo', backends: ['contact-center'] } });
    const searches = harness.upstreamRequests().filter((r) => r.backend === 'contact-center');
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((r) => /name:\*promo\*/i.test(r.query.q ?? ''))).toBe(true);
  });
});
