import { comparePositions, matchesFilter, sortValue } from '../../model/campaign-order.js';
import type { GatewayError } from '../../model/errors.js';
import type { Campaign } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult, ListedCampaign } from '../seam/campaign-list.js';
import { readThroughTieGroup, type NativeEntry } from '../tie-group-paging.js';
import { CampaignSearch, type SearchPage } from './campaign-search.js';
import { retrieveCampaign, type SchemaTypeApi } from './client.js';
import { toPushedFilter } from './search-filter.js';
import { toCampaign } from './to-unified.js';

const NATIVE_SORT_FIELD = { CREATED_AT: 'createdAt', UPDATED_AT: 'modifiedAt', NAME: 'name' } as const;

const nothing = (): CampaignListResult => ({ items: [], exhaustive: true, hasMore: false, totalCount: 0, recordErrors: [] });

/**
 * This backend's part of a campaign list. Time orders use the service's own
 * sort with offset paging and resume tokens; the name order reads everything,
 * since the service's name collation need not match the gateway's lower-cased
 * comparison. Filters the search cannot express are applied here.
 */
export async function listCampaigns(api: SchemaTypeApi, query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const { filter, order } = query;
  // Every campaign the service returns is live, hence ACTIVE.
  if (filter.status?.length && !filter.status.includes('ACTIVE')) return nothing();
  const direction = order.field === 'NAME' ? 'asc' : order.direction.toLowerCase();
  const search = new CampaignSearch({
    api,
    pushed: toPushedFilter(filter),
    sort: `${NATIVE_SORT_FIELD[order.field]} ${direction}`,
    rows: api.pageRows,
    ctx,
  });
  return order.field === 'NAME' ? readEverything(search, query) : readFromResume(search, query);
}

async function readEverything(search: CampaignSearch, query: CampaignListQuery): Promise<CampaignListResult> {
  const items: ListedCampaign[] = [];
  const recordErrors: GatewayError[] = [];
  const seen = new Set<string>();
  for (let start = 0; ; ) {
    const page = await search.page(start);
    for (const entry of page.entries) {
      if ('error' in entry) recordErrors.push(entry.error);
      else if (!seen.has(entry.campaign.nativeId) && matchesFilter(entry.campaign, query.filter)) {
        seen.add(entry.campaign.nativeId);
        items.push({ campaign: entry.campaign, resume: null });
      }
    }
    start += page.entries.length;
    if (page.entries.length === 0 || start >= page.total) break;
  }
  return { items, exhaustive: true, hasMore: false, totalCount: items.length, recordErrors };
}

/** A resume token is the decimal offset where a tie group starts (the `from` of its entry); anything else starts over. */
function resumeOffset(resume: string | null): number {
  const offset = resume !== null && /^\d{1,15}$/.test(resume) ? Number(resume) : 0;
  return Number.isSafeInteger(offset) ? offset : 0;
}

/**
 * Whether a page begins strictly before the cursor's sort value. Only then is it
 * certain that nothing after the cursor lies before the page, even when
 * campaigns deleted meanwhile have moved everything up, and that the group
 * starts seen on it are the real ones for every campaign after the cursor.
 */
function startsBeforeCursor(page: SearchPage, query: CampaignListQuery): boolean {
  const first = page.entries[0];
  if (!query.after || !first || !('campaign' in first)) return false;
  const value = sortValue(first.campaign, query.order.field);
  return comparePositions({ value, id: '' }, { value: query.after.value, id: '' }, query.order.direction) < 0;
}

/** Pages stepped back from a resume offset before reading starts over from the first page. */
const MAX_RESUME_STEPS = 3;

/**
 * The page to read from: the one holding the record before the resume offset,
 * which must sort before the cursor. Campaigns deleted since the cursor was
 * made move everything up, so a page past the end jumps to the last one and a
 * page that starts too late steps back, at most {@link MAX_RESUME_STEPS} pages;
 * beyond that reading starts over at offset 0 (slower, never wrong). Finding
 * the place thus costs at most six searches, whatever offset a token holds.
 */
async function resumePage(search: CampaignSearch, query: CampaignListQuery): Promise<SearchPage> {
  const resume = query.after ? resumeOffset(query.resume) : 0;
  let page = await search.page(Math.max(0, resume - 1));
  if (page.entries.length === 0 && page.start > 0 && page.start >= page.total) page = await search.page(Math.max(0, page.total - search.rows));
  for (let step = 0; page.start > 0 && !startsBeforeCursor(page, query); step += 1) {
    if (step === MAX_RESUME_STEPS) return search.page(0);
    page = await search.page(Math.max(0, page.start - search.rows));
  }
  return page;
}

/** The results of the search from `page` on, each at its offset, the search's last `total` kept in `seen`. */
async function* entriesFrom(search: CampaignSearch, page: SearchPage, seen: { total: number }): AsyncGenerator<NativeEntry> {
  for (;;) {
    seen.total = page.total;
    for (const entry of page.entries) yield { ...entry, from: String(entry.offset) };
    const next = page.start + page.entries.length;
    if (page.entries.length === 0 || next >= page.total) return;
    page = await search.page(next);
  }
}

/** Reads from the resume token's page through the tie group of the last campaign wanted (see `readThroughTieGroup`). */
async function readFromResume(search: CampaignSearch, query: CampaignListQuery): Promise<CampaignListResult> {
  const first = await resumePage(search, query);
  const last = { total: first.total };
  const { items, recordErrors, reachedEnd } = await readThroughTieGroup(entriesFrom(search, first, last), query);
  const exhaustive = first.start === 0 && reachedEnd;
  return {
    items,
    exhaustive,
    hasMore: !reachedEnd,
    totalCount: exhaustive ? items.length : search.exact ? last.total : null,
    recordErrors,
  };
}

/** Campaigns by native id, each distinct id read once and all at once; null for one the service does not know. */
export async function getCampaigns(api: SchemaTypeApi, nativeIds: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
  const unique = new Map<string, Promise<Campaign | null | Error>>();
  for (const id of nativeIds) if (!unique.has(id)) unique.set(id, readCampaign(api, id, ctx));
  return Promise.all(nativeIds.map((id) => unique.get(id)!));
}

async function readCampaign(api: SchemaTypeApi, id: string, ctx: CallContext): Promise<Campaign | null | Error> {
  try {
    const record = await retrieveCampaign(api, id, ctx);
    return record && toCampaign(record, api.http.backend);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
