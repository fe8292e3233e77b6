import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import type { CampaignListQuery } from '../../../src/adapters/seam/campaign-list.js';
import type { CampaignOrder } from '../../../src/model/campaign-query.js';
import { decodeResumeToken, encodeResumeToken } from '../../../src/adapters/touchpoint/resume-token.js';
import { listCampaigns } from '../../../src/gateway/campaign-list.js';
import { comparePositions, sortPosition } from '../../../src/model/campaign-order.js';
import type { Campaign, Touchpoint } from '../../../src/model/unified.js';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { walkCampaigns } from '../../conformance/adapter-conformance.js';
import { call } from '../../reference-backends/touchpoint/http.js';
import { adapterFor } from './fixture.js';
import { facetOf } from '../../../src/adapters/seam/capabilities.js';

const NEWEST_FIRST: CampaignOrder = { field: 'CREATED_AT', direction: 'DESC' };
const MINUTE = 60_000;

function query(overrides: Partial<CampaignListQuery> = {}): CampaignListQuery {
  return { order: NEWEST_FIRST, filter: {}, after: null, resume: null, limit: 5, ...overrides };
}

function inGatewayOrder(campaigns: Campaign[], order: CampaignOrder = NEWEST_FIRST): string[] {
  return [...campaigns].sort((a, b) => comparePositions(sortPosition(a, order), sortPosition(b, order), order.direction)).map((c) => c.nativeId);
}

async function createCampaigns(backend: TouchpointReferenceBackend, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) ids.push((await call(backend, 'POST', '/v1/campaigns', { name, channel_type: 'sms' })).body._id);
  return ids;
}

describe('resume tokens', () => {
  it('round-trip a native cursor, the first page, and read anything else as the first page', () => {
    expect(decodeResumeToken(encodeResumeToken('abc'))).toBe('abc');
    expect(encodeResumeToken(null)).not.toBeNull();
    expect(decodeResumeToken(encodeResumeToken(null))).toBeNull();
    expect(decodeResumeToken(null)).toBeNull();
    expect(decodeResumeToken('garbage')).toBeNull();
    expect(decodeResumeToken('{"v":2,"cursor":"x"}')).toBeNull();
  });
});

describe('campaign paging when campaigns share created_at', () => {
  let clock: ManualClock;
  let backend: TouchpointReferenceBackend;
  let adapter: BackendAdapter;

  // Native order (newest first): 1 at t3, 3 at t2, 7 tied at t1, 2 at t0. Pages of 2 split every group.
  beforeEach(async () => {
    clock = new ManualClock();
    backend = await startTouchpointBackend({ seed: false, clock });
    await createCampaigns(backend, ['Old A', 'Old B']);
    clock.advance(MINUTE);
    await createCampaigns(backend, ['Tie 1', 'Tie 2', 'Tie 3', 'Tie 4', 'Tie 5', 'Tie 6', 'Tie 7']);
    clock.advance(MINUTE);
    await createCampaigns(backend, ['Mid A', 'Mid B', 'Mid C']);
    clock.advance(MINUTE);
    await createCampaigns(backend, ['Newest']);
    adapter = adapterFor(backend, { pageSize: 2 });
    backend.requests.clear();
  });
  afterEach(async () => {
    await adapter.close();
    await backend.close();
  });

  for (const pageSize of [1, 2, 4, 6]) {
    it(`walks every campaign exactly once in gateway order, ${pageSize} per gateway page`, async () => {
      const all = (await adapter.listCampaigns(query({ order: { field: 'NAME', direction: 'ASC' } }), {})).items.map((i) => i.campaign);
      expect(all).toHaveLength(13);
      const walked = await walkCampaigns(adapter, NEWEST_FIRST, pageSize);
      expect(walked.map((c) => c.nativeId)).toEqual(inGatewayOrder(all));
    });
  }

  it('reads on until the tie group of the last campaign is complete, every tied campaign resuming where the group began', async () => {
    const result = await adapter.listCampaigns(query({ limit: 5 }), {});
    // 4 newer campaigns, then the 7 tied ones, although only 5 were asked for; then the group ends on page 6.
    expect(result.items.map((i) => i.campaign.name)).toEqual(['Newest', 'Mid C', 'Mid B', 'Mid A', 'Tie 7', 'Tie 6', 'Tie 5', 'Tie 4', 'Tie 3', 'Tie 2', 'Tie 1']);
    expect(result).toMatchObject({ hasMore: true, exhaustive: false, totalCount: null, recordErrors: [] });
    const pages = backend.requests.list({ method: 'GET', path: '/v1/campaigns' });
    expect(pages).toHaveLength(6);
    expect(pages.every((p) => p.query.limit === '2')).toBe(true);

    // The tie group began on page 3, so all seven resume at the cursor that fetched page 3.
    const page3Cursor = pages[2]!.query.cursor!;
    const tied = result.items.filter((i) => i.campaign.name.startsWith('Tie'));
    expect(new Set(tied.map((i) => i.resume))).toEqual(new Set([encodeResumeToken(page3Cursor)]));
    // The groups of the first four (t3, and t2 running into page 2) began on the first page.
    expect(result.items.slice(0, 4).map((i) => i.resume)).toEqual(Array(4).fill(encodeResumeToken(null)));
  });

  it('resumes at the page where the tie group began and skips no tied campaign', async () => {
    const first = await listCampaigns([adapter], { first: 6, after: null, order: NEWEST_FIRST, filter: {} }, {});
    const handedOut = first.edges.map((e) => e.node.name);
    expect(handedOut.slice(0, 4)).toEqual(['Newest', 'Mid C', 'Mid B', 'Mid A']);
    backend.requests.clear();

    const second = await listCampaigns([adapter], { first: 6, after: first.pageInfo.endCursor, order: NEWEST_FIRST, filter: {} }, {});
    const pages = backend.requests.list({ method: 'GET', path: '/v1/campaigns' });
    // Reading starts at page 3 (where the ties begin): the two pages before it are not read again.
    expect(pages[0]!.query.cursor).toBeDefined();
    expect(pages).toHaveLength(5);
    const names = [...handedOut, ...second.edges.map((e) => e.node.name)];
    expect(names.filter((n) => n.startsWith('Tie')).sort()).toEqual(['Tie 1', 'Tie 2', 'Tie 3', 'Tie 4', 'Tie 5', 'Tie 6', 'Tie 7']);
    expect(new Set(names).size).toBe(names.length);
    expect(second.pageInfo.hasNextPage).toBe(true);
  });

  it('stays stable when campaigns are created between pages', async () => {
    const original = (await adapter.listCampaigns(query({ order: { field: 'NAME', direction: 'ASC' } }), {})).items.map((i) => i.campaign);
    const seen: Campaign[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const answer = await listCampaigns([adapter], { first: 3, after, order: NEWEST_FIRST, filter: {} }, {});
      seen.push(...answer.edges.map((e) => e.node));
      if (page === 1) {
        // One joins the tie group (the clock has not moved), one is newer than everything read so far.
        await createCampaigns(backend, ['Late tie']);
        clock.advance(MINUTE);
        await createCampaigns(backend, ['Late newest']);
      }
      if (!answer.pageInfo.hasNextPage) break;
      after = answer.pageInfo.endCursor;
    }
    const ids = seen.map((c) => c.nativeId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const campaign of original) expect(ids).toContain(campaign.nativeId);
    expect(seen.map((c) => c.name)).not.toContain('Late newest');
    // Whatever was seen came in gateway order.
    expect(ids).toEqual(inGatewayOrder(seen));
  });

  it('stops at the createdAfter bound without reading further pages', async () => {
    const all = (await adapter.listCampaigns(query({ order: { field: 'NAME', direction: 'ASC' } }), {})).items;
    const tieTime = all.find((i) => i.campaign.name === 'Tie 1')!.campaign.createdAt!;
    backend.requests.clear();
    const result = await adapter.listCampaigns(query({ limit: 100, filter: { createdAfter: tieTime } }), {});
    expect(result.items.map((i) => i.campaign.name)).toEqual(['Newest', 'Mid C', 'Mid B', 'Mid A']);
    expect(result).toMatchObject({ hasMore: false, exhaustive: true, totalCount: 4 });
    // Page 3 starts with the first campaign at the bound; no page after it is read.
    expect(backend.requests.count({ path: '/v1/campaigns' })).toBe(3);
  });

  it('reads every page for other orders and answers exhaustively with the total', async () => {
    const result = await adapter.listCampaigns(query({ order: { field: 'CREATED_AT', direction: 'ASC' }, filter: { nameContains: 'tie' }, limit: 2 }), {});
    expect(result.items).toHaveLength(7);
    expect(result).toMatchObject({ exhaustive: true, hasMore: false, totalCount: 7 });
    expect(result.items.every((i) => i.resume === null)).toBe(true);
    expect(backend.requests.count({ path: '/v1/campaigns' })).toBe(7);
  });

  it('answers exhaustively when one walk from the start reaches the end', async () => {
    const result = await adapter.listCampaigns(query({ limit: 100, filter: { nameContains: 'mid' } }), {});
    expect(result.items.map((i) => i.campaign.name)).toEqual(['Mid C', 'Mid B', 'Mid A']);
    expect(result).toMatchObject({ exhaustive: true, hasMore: false, totalCount: 3 });
  });
});

describe('campaign paging at the native page size', () => {
  let backend: TouchpointReferenceBackend;
  let adapter: BackendAdapter;

  beforeEach(async () => {
    const clock = new ManualClock();
    backend = await startTouchpointBackend({ seed: false, clock });
    for (let i = 0; i < 150; i += 1) {
      await call(backend, 'POST', '/v1/campaigns', { name: `Campaign ${String(i).padStart(3, '0')}`, channel_type: 'email' });
      clock.advance(1000);
    }
    adapter = adapterFor(backend);
    backend.requests.clear();
  });
  afterEach(async () => {
    await adapter.close();
    await backend.close();
  });

  it('reads one native page of 100 for a first gateway page', async () => {
    const page = await listCampaigns([adapter], { first: 20, after: null, order: NEWEST_FIRST, filter: {} }, {});
    expect(page.edges.map((e) => e.node.name).slice(0, 2)).toEqual(['Campaign 149', 'Campaign 148']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBeNull();
    expect(backend.requests.list({ path: '/v1/campaigns' }).map((r) => r.query)).toEqual([{ limit: '100' }]);
  });

  it('walks all 150 in gateway pages of 100 with two native requests per gateway page', async () => {
    const walked = await walkCampaigns(adapter, NEWEST_FIRST, 100);
    expect(walked.map((c) => c.name)).toEqual(Array.from({ length: 150 }, (_, i) => `Campaign ${String(149 - i).padStart(3, '0')}`));
    // Each gateway page wants 101 campaigns: native pages 1 and 2. The 100th campaign handed out
    // is on native page 1, so the second gateway page resumes there.
    const cursors = backend.requests.list({ path: '/v1/campaigns' }).map((r) => r.query.cursor ?? null);
    expect(cursors).toHaveLength(4);
    expect(cursors[0]).toBeNull();
    expect(cursors[2]).toBeNull();
    expect(cursors[3]).toBe(cursors[1]);
  });
});

describe('touchpoint paging', () => {
  let backend: TouchpointReferenceBackend;
  let adapter: BackendAdapter;

  beforeEach(async () => {
    backend = await startTouchpointBackend({ seed: false });
    adapter = adapterFor(backend);
  });
  afterEach(async () => {
    await adapter.close();
    await backend.close();
  });

  it('walks every native page of a campaign with more than 100 touchpoints, in position order', async () => {
    const [big, small] = await createCampaigns(backend, ['Drip', 'Short']);
    for (let i = 0; i < 105; i += 1) {
      await call(backend, 'POST', '/v1/touchpoints', { name: `Step ${i}`, type: i % 3 === 1 ? 'delay' : 'message', campaign_id: big, message: `Text ${i}` });
    }
    await call(backend, 'POST', '/v1/touchpoints', { name: 'Only', type: 'action', campaign_id: small, message: { action: 'tag' } });
    backend.requests.clear();

    const [many, one, unknown] = await facetOf(adapter, 'touchpoints').list([big!, small!, 'cmp_unknown'], {});
    const list = many as Touchpoint[];
    expect(list).toHaveLength(105);
    expect(list.map((t) => t.position)).toEqual(Array.from({ length: 105 }, (_, i) => i));
    expect(list[0]).toMatchObject({ name: 'Step 0', type: 'MESSAGE', channel: 'SMS', campaignNativeId: big });
    expect(list[1]).toMatchObject({ type: 'DELAY', channel: null });
    expect(one).toMatchObject([{ name: 'Only', type: 'ACTION', position: 0 }]);
    expect(unknown).toBeNull();

    const pages = backend.requests.list({ method: 'GET', path: '/v1/touchpoints' });
    expect(pages.filter((p) => p.query.campaign_id === big)).toHaveLength(2);
    expect(pages.filter((p) => p.query.campaign_id === small)).toHaveLength(1);
    expect(pages.every((p) => p.query.limit === '100')).toBe(true);
    // An unknown campaign costs its campaign read only.
    expect(pages.some((p) => p.query.campaign_id === 'cmp_unknown')).toBe(false);
    expect(backend.requests.count({ method: 'GET', path: /^\/v1\/campaigns\// })).toBe(3);
  });
});
