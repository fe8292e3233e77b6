import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../src/adapters/seam/backend-adapter.js';
import type { CampaignFilter, CampaignOrder } from '../../src/model/campaign-query.js';
import { toCampaign } from '../../src/adapters/workspace/to-unified.js';
import type { WireCampaign } from '../../src/adapters/workspace/wire.js';
import { listCampaigns } from '../../src/gateway/campaign-list.js';
import { comparePositions, matchesFilter, sortPosition } from '../../src/model/campaign-order.js';
import type { Campaign, DetailField } from '../../src/model/unified.js';
import type { FakeJsonBackend } from '../support/fake-json-backend.js';
import { startFakeWorkspace, wireCampaign, workspaceAdapterFor } from '../adapters/workspace/workspace-fixture.js';

/**
 * A workspace whose list form is the seed's: no description, updatedAt or startAt,
 * and no workflow. Ordering by UPDATED_AT or filtering on channels therefore needs
 * full records. Times and names tie on purpose; channels vary.
 */
const CHANNELS = ['EMAIL', 'PUSH', null, 'PUSH', 'EMAIL', null, 'PUSH', 'TELEGRAM', 'PUSH', 'EMAIL', null, 'PUSH', 'ON_SITE', 'EMAIL'];
const FULL: WireCampaign[] = CHANNELS.map((channel, i) => {
  const n = String(i + 1).padStart(2, '0');
  return wireCampaign({
    id: `cmp_${n}`,
    name: i % 5 === 0 ? 'Same Name' : `Campaign ${String.fromCharCode(90 - i)}`,
    createdAt: `2026-03-${String(1 + Math.floor(i / 2)).padStart(2, '0')}T10:00:00.000Z`,
    updatedAt: `2026-04-${String(1 + (i % 4)).padStart(2, '0')}T08:00:00.000Z`,
    workflow: {
      nodes: channel ? [{ id: 'n1', kind: 'ACTION', type: 'SEND_MESSAGE', position: 0, config: { channel } }] : [],
      edges: [],
    },
  }) as WireCampaign;
});
const listForm = (record: WireCampaign) => {
  const { description: _d, updatedAt: _u, startAt: _s, workflow: _w, ...summary } = record;
  return summary;
};

let fake: FakeJsonBackend;
let adapter: BackendAdapter;
beforeAll(async () => {
  fake = await startFakeWorkspace(({ path }) => {
    if (path.endsWith('/campaigns')) return { status: 200, body: FULL.map(listForm) };
    const record = FULL.find((c) => path.endsWith(`/${c.id}`));
    return record ? { status: 200, body: record } : { status: 404, body: { error: 'Campaign not found' } };
  });
  adapter = workspaceAdapterFor(fake.url);
});
afterAll(async () => {
  await adapter.close();
  await fake.close();
});

const detailReads = () => fake.requests.filter((r) => /\/campaigns\/[^/]+$/.test(r.url.pathname)).length;

function expected(order: CampaignOrder, filter: CampaignFilter): string[] {
  return FULL.map((record) => toCampaign('growth', record))
    .filter((campaign) => matchesFilter(campaign, filter))
    .sort((a, b) => comparePositions(sortPosition(a, order), sortPosition(b, order), order.direction))
    .map((campaign) => campaign.nativeId);
}

async function walk(order: CampaignOrder, filter: CampaignFilter, first: number, selects?: ReadonlySet<DetailField>): Promise<Campaign[]> {
  const seen: Campaign[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const answer = await listCampaigns([adapter], { first, after, order, filter, selects }, {});
    expect(answer.errors).toEqual([]);
    seen.push(...answer.edges.map((edge) => edge.node));
    if (!answer.pageInfo.hasNextPage) return seen;
    after = answer.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('a list ordered or filtered on a field the list form lacks', () => {
  for (const direction of ['ASC', 'DESC'] as const) {
    for (const first of [1, 4]) {
      it(`by UPDATED_AT ${direction}, ${first} per page: every campaign once, in order, read in full`, async () => {
        const order: CampaignOrder = { field: 'UPDATED_AT', direction };
        const walked = await walk(order, {}, first, new Set());
        expect(walked.map((c) => c.nativeId)).toEqual(expected(order, {}));
        expect(walked.every((c) => c.lacks === undefined && c.updatedAt !== null)).toBe(true);
      });
    }
  }

  for (const order of [
    { field: 'CREATED_AT', direction: 'DESC' },
    { field: 'NAME', direction: 'ASC' },
    { field: 'UPDATED_AT', direction: 'DESC' },
  ] as CampaignOrder[]) {
    for (const first of [1, 2]) {
      it(`filtered on channels by ${order.field} ${order.direction}, ${first} per page: every match once, in order`, async () => {
        const filter: CampaignFilter = { channels: ['PUSH', 'ON_SITE'] };
        const walked = await walk(order, filter, first);
        expect(walked.map((c) => c.nativeId)).toEqual(expected(order, filter));
        expect(walked.length).toBe(6);
      });
    }
  }

  it('filtered on channels in an order the list form decides, reads only as many full records as the page needs', async () => {
    const before = detailReads();
    const page = await listCampaigns([adapter], { first: 1, after: null, order: { field: 'CREATED_AT', direction: 'DESC' }, filter: { channels: ['EMAIL'] } }, {});
    expect(page.edges.map((e) => e.node.nativeId)).toEqual(expected({ field: 'CREATED_AT', direction: 'DESC' }, { channels: ['EMAIL'] }).slice(0, 1));
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(detailReads() - before).toBeLessThan(FULL.length);
  });

  it('reads the full records of only the campaigns on the page for a selected field the list form lacks, none for the others', async () => {
    const order: CampaignOrder = { field: 'CREATED_AT', direction: 'DESC' };
    let before = detailReads();
    const lean = await listCampaigns([adapter], { first: 5, after: null, order, filter: {}, selects: new Set() }, {});
    expect(detailReads()).toBe(before);
    expect(lean.edges.every((e) => e.node.lacks?.has('updatedAt'))).toBe(true);

    before = detailReads();
    const withUpdatedAt = await listCampaigns([adapter], { first: 5, after: null, order, filter: {}, selects: new Set(['updatedAt']) }, {});
    expect(detailReads() - before).toBe(5);
    expect(withUpdatedAt.edges.map((e) => e.node.updatedAt)).toEqual(
      expected(order, {})
        .slice(0, 5)
        .map((id) => FULL.find((c) => c.id === id)!.updatedAt),
    );
  });
});
