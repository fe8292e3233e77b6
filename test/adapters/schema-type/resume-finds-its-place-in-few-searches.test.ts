import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import type { CampaignOrder } from '../../../src/model/campaign-query.js';
import { listCampaigns } from '../../../src/gateway/campaign-list.js';
import { sortPosition } from '../../../src/model/campaign-order.js';
import type { Campaign } from '../../../src/model/unified.js';
import { startSchemaTypeBackend, type SchemaTypeReferenceBackend } from '../../../src/reference-backends/schema-type/index.js';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { call, validData } from '../../reference-backends/schema-type/http.js';
import { adapterFor, CAMPAIGNS } from './fixtures.js';

/**
 * Finding where a resume token's campaigns now are costs a small, fixed number
 * of searches whatever the token says: one past the end jumps to the last page,
 * and after three steps back reading starts over from the first page. The
 * answer stays right either way.
 */
const ASC: CampaignOrder = { field: 'CREATED_AT', direction: 'ASC' };
let backend: SchemaTypeReferenceBackend;
let adapter: BackendAdapter;
let all: Campaign[];

beforeEach(async () => {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  backend = await startSchemaTypeBackend({ seed: false, clock });
  adapter = adapterFor(backend, {}, { pageRows: 2 });
  for (let i = 0; i < 20; i++) {
    await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: `Campaign ${String(i).padStart(2, '0')}` }) });
    clock.advance(60_000);
  }
  all = (await adapter.listCampaigns({ order: ASC, filter: {}, after: null, resume: null, limit: 100 }, {})).items.map((i) => i.campaign);
  backend.requests.clear();
});
afterEach(async () => {
  await adapter.close();
  await backend.close();
});

const starts = () => backend.requests.list({ method: 'GET', path: CAMPAIGNS }).map((r) => Number(r.query.start));

describe('schemaType resume', () => {
  it('a token 999999999999999 past the end: one search finds the end, the next the last page; reading then starts over, and the answer is right', async () => {
    const after = sortPosition(all[9]!, ASC);
    const result = await adapter.listCampaigns({ order: ASC, filter: {}, after, resume: '999999999999999', limit: 3 }, {});
    const searched = starts();
    // Locating: the probe, the last page, three steps back; then from the start.
    const locating = searched.slice(0, searched.indexOf(0));
    expect(locating).toEqual([999999999999998, 18, 16, 14, 12]);
    const handedOut = result.items.map((i) => i.campaign).filter((c) => c.createdAt! > all[9]!.createdAt!);
    expect(handedOut.slice(0, 3).map((c) => c.name)).toEqual(['Campaign 10', 'Campaign 11', 'Campaign 12']);
  });

  it('after more deletions than three pages back, reading starts over, and a walk still hands out every remaining campaign once, in order', async () => {
    const first = await listCampaigns([adapter], { first: 10, after: null, order: ASC, filter: {} }, {});
    // Everything before the cursor but its own campaign goes: the cursor's place moves up four pages.
    for (const edge of first.edges.slice(0, 8)) await call(backend, 'DELETE', `${CAMPAIGNS}/${edge.node.nativeId}`);
    backend.requests.clear();
    const rest: string[] = [];
    let after: string | null = first.pageInfo.endCursor;
    while (after) {
      const page = await listCampaigns([adapter], { first: 2, after, order: ASC, filter: {} }, {});
      rest.push(...page.edges.map((e) => e.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(rest).toEqual(all.slice(10).map((c) => c.name));
    // The first page after the deletions: its token's page, three steps back, then from the start.
    expect(starts().slice(0, 5)).toEqual([8, 6, 4, 2, 0]);
  });
});
