import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/model/global-id.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

/**
 * List inputs cannot multiply work: `filter.backends`, `filter.status` and
 * `filter.channels` drop repeated values (so a backend is listed once however
 * often it is named) and, like `nodes(ids:)`, take at most 100 values; more is
 * `BAD_USER_INPUT` on the argument before any upstream call.
 */
let harness: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

type List = { campaigns: { totalCount: number | null; nodes: { id: string }[] } };
const LIST = 'query ($filter: CampaignFilter) { campaigns(first: 100, filter: $filter) { totalCount nodes { id } } }';

describe('filter lists', () => {
  it('["growth","growth"] lists growth once: the same 8 campaigns and totalCount as ["growth"]', async () => {
    const once = await harness.execute<List>(LIST, { filter: { backends: ['growth'] } });
    const twice = await harness.execute<List>(LIST, { filter: { backends: ['growth', 'growth'] } });
    expect(twice.errors).toBeUndefined();
    expect(twice.data!.campaigns.nodes).toEqual(once.data!.campaigns.nodes);
    expect(twice.data!.campaigns.totalCount).toBe(once.data!.campaigns.totalCount);
    expect(new Set(twice.data!.campaigns.nodes.map((n) => n.id)).size).toBe(twice.data!.campaigns.nodes.length);
  });

  it('repeated statuses and channels answer as the distinct ones do, and after a repeat-free cursor', async () => {
    const distinct = await harness.execute<List>(LIST, { filter: { status: ['ACTIVE', 'DRAFT'], channels: ['EMAIL', 'SMS'] } });
    const repeated = await harness.execute<List>(LIST, { filter: { status: ['ACTIVE', 'DRAFT', 'ACTIVE'], channels: ['EMAIL', 'SMS', 'EMAIL', 'SMS'] } });
    expect(repeated.errors).toBeUndefined();
    expect(repeated.data).toEqual(distinct.data);
  });

  it.each([
    ['filter.backends', { backends: Array(50_000).fill('growth') }],
    ['filter.backends', { backends: Array(101).fill('growth') }],
    ['filter.status', { status: Array(101).fill('ACTIVE') }],
    ['filter.channels', { channels: Array(101).fill('EMAIL') }],
    ['filter.nameContains', { nameContains: 'x'.repeat(257) }],
  ])('%s over its bound is BAD_USER_INPUT on it, with no upstream call', async (field, filter) => {
    harness.clearUpstreamRequests();
    const result = await harness.execute(LIST, { filter });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(harness.upstreamRequests()).toEqual([]);
  });
});

describe('nodes(ids:)', () => {
  const NODES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
  const campaignIds = (n: number) => Array.from({ length: n }, (_, i) => encodeGlobalId('Campaign', ['contact-center', `cmp_missing_${i}`]));

  it.each([101, 12_000])('%i ids are BAD_USER_INPUT on ids, with no upstream call', async (count) => {
    harness.clearUpstreamRequests();
    const result = await harness.execute(NODES, { ids: campaignIds(count) });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(harness.upstreamRequests()).toEqual([]);
  });

  it('100 ids are answered, and the same id 100 times costs one upstream read', async () => {
    const hundred = await harness.execute<{ nodes: unknown[] }>(NODES, { ids: campaignIds(100) });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data!.nodes).toHaveLength(100);
    harness.clearUpstreamRequests();
    const same = await harness.execute<{ nodes: unknown[] }>(NODES, { ids: Array(100).fill(campaignIds(1)[0]) });
    expect(same.data!.nodes).toHaveLength(100);
    expect(harness.upstreamRequests()).toHaveLength(1);
  });
});
