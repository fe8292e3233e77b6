import { describe, expect, it } from 'vitest';
import { readThroughTieGroup, type NativeEntry } from '../../src/adapters/tie-group-paging.js';
import type { CampaignListQuery } from '../../src/adapters/seam/campaign-list.js';
import { sortPosition } from '../../src/model/campaign-order.js';
import { GatewayError } from '../../src/model/errors.js';
import type { Campaign } from '../../src/model/unified.js';

const ORDER = { field: 'CREATED_AT', direction: 'DESC' } as const;

function campaign(nativeId: string, createdAt: string, name = nativeId): Campaign {
  return {
    backend: 'b',
    nativeId,
    name,
    description: null,
    status: 'ACTIVE',
    rawStatus: null,
    channels: [],
    createdAt,
    updatedAt: null,
    scheduledAt: null,
    enrollmentCount: null,
    deliveryStats: null,
    raw: {},
  };
}

/** Entries as a backend lists them, newest first, two to a page: `from` names the page. */
function listed(...campaigns: (Campaign | GatewayError)[]): NativeEntry[] {
  return campaigns.map((entry, index) => {
    const from = `page${Math.floor(index / 2)}`;
    return entry instanceof GatewayError ? { error: entry, from } : { campaign: entry, from };
  });
}

/** Counts the entries a reader pulls, to show where it stops. */
function counting(entries: NativeEntry[]): { iterable: AsyncIterable<NativeEntry>; pulled: () => number } {
  let pulled = 0;
  return {
    iterable: (async function* () {
      for (const entry of entries) {
        pulled += 1;
        yield entry;
      }
    })(),
    pulled: () => pulled,
  };
}

const query = (limit: number, rest: Partial<CampaignListQuery> = {}): CampaignListQuery => ({ order: ORDER, filter: {}, after: null, resume: null, limit, ...rest });

const a = campaign('a', '2026-01-05T00:00:00.000Z');
const b = campaign('b', '2026-01-04T00:00:00.000Z');
const c = campaign('c', '2026-01-04T00:00:00.000Z');
const d = campaign('d', '2026-01-04T00:00:00.000Z');
const e = campaign('e', '2026-01-03T00:00:00.000Z');
const f = campaign('f', '2026-01-02T00:00:00.000Z');

describe('reading through the tie group of the last campaign wanted', () => {
  it('reads on past the limit while campaigns tie with the limit-th, and stops at the first that does not', async () => {
    const entries = counting(listed(a, b, c, d, e, f));
    const read = await readThroughTieGroup(entries.iterable, query(2));
    expect(read.items.map((item) => item.campaign.nativeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(read.reachedEnd).toBe(false);
    expect(entries.pulled()).toBe(5);
  });

  it('resumes each campaign at the start of its tie group, even when the group began on an earlier page', async () => {
    const read = await readThroughTieGroup(counting(listed(a, b, c, d, e, f)).iterable, query(10));
    expect(read.items.map((item) => [item.campaign.nativeId, item.resume])).toEqual([
      ['a', 'page0'],
      ['b', 'page0'],
      ['c', 'page0'],
      ['d', 'page0'],
      ['e', 'page2'],
      ['f', 'page2'],
    ]);
    expect(read.reachedEnd).toBe(true);
  });

  it('starts a tie group at the unreadable records just before it, which may belong to it', async () => {
    const broken = new GatewayError('BACKEND_ERROR', 'record breaks its contract', { backend: 'b' });
    const read = await readThroughTieGroup(async function* () {
      yield* listed(a, broken, b, c).slice(0, 2);
      yield { campaign: b, from: 'page1' };
      yield { campaign: c, from: 'page1' };
    }(), query(10));
    expect(read.recordErrors).toEqual([broken]);
    expect(read.items.map((item) => [item.campaign.nativeId, item.resume])).toEqual([
      ['a', 'page0'],
      ['b', 'page0'],
      ['c', 'page0'],
    ]);
  });

  it('counts only matches after the cursor towards the limit, and takes a campaign listed twice once', async () => {
    const after = sortPosition(a, ORDER);
    const read = await readThroughTieGroup(async function* () {
      yield* listed(a, b, b, c, d, e, f);
    }(), query(1, { after, filter: { nameContains: 'd' } }));
    expect(read.items.map((item) => item.campaign.nativeId)).toEqual(['d']);
    expect(read.reachedEnd).toBe(false);
    const twice = await readThroughTieGroup(async function* () {
      yield* listed(a, b, b, e);
    }(), query(10));
    expect(twice.items.map((item) => item.campaign.nativeId)).toEqual(['a', 'b', 'e']);
  });

  it('stops as at the end where `endsAt` says nothing further can match', async () => {
    const entries = counting(listed(a, b, c, d, e, f));
    const read = await readThroughTieGroup(entries.iterable, query(10), { endsAt: (campaign) => campaign.createdAt! <= '2026-01-03T00:00:00.000Z' });
    expect(read.items.map((item) => item.campaign.nativeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(read.reachedEnd).toBe(true);
    expect(entries.pulled()).toBe(5);
  });
});
