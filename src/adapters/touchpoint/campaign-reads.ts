import { matchesFilter } from '../../model/campaign-order.js';
import { GatewayError } from '../../model/errors.js';
import type { Campaign } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult, ListedCampaign } from '../seam/campaign-list.js';
import { readThroughTieGroup, type NativeEntry } from '../tie-group-paging.js';
import { getCampaign, listCampaignPage, type TouchpointApi, type WirePage } from './client.js';
import { decodeResumeToken, encodeResumeToken } from './resume-token.js';
import { toCampaign } from './to-unified.js';
import type { WireCampaign } from './wire.js';

/**
 * This backend's part of a campaign list. The API lists newest first with
 * cursor paging, so `CREATED_AT DESC` reads only the pages it needs and resumes
 * where it left off; every other order reads every page and answers exhaustively.
 */
export async function listCampaigns(api: TouchpointApi, query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  if (query.order.field === 'CREATED_AT' && query.order.direction === 'DESC') return readNewestFirst(api, query, ctx);
  return readEverything(api, query, ctx);
}

/** Walks native pages from `cursor`, yielding each page with the cursor that fetched it. */
async function* pagesFrom(api: TouchpointApi, cursor: string | null, ctx: CallContext) {
  for (;;) {
    const page: WirePage<WireCampaign> = await listCampaignPage(api, { limit: api.pageSize, cursor }, ctx);
    yield { page, cursor };
    if (page.nextCursor === null) return;
    // A cursor that points at its own page would loop forever.
    if (page.nextCursor === cursor) {
      throw new GatewayError('BACKEND_ERROR', `backend "${api.http.backend}" answered a campaign page whose next_cursor repeats its own`, { backend: api.http.backend });
    }
    cursor = page.nextCursor;
  }
}

async function readEverything(api: TouchpointApi, query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const items: ListedCampaign[] = [];
  const recordErrors: GatewayError[] = [];
  for await (const { page } of pagesFrom(api, null, ctx)) {
    recordErrors.push(...page.errors);
    for (const record of page.valid) {
      const campaign = toCampaign(record, api.http.backend);
      if (matchesFilter(campaign, query.filter)) items.push({ campaign, resume: null });
    }
  }
  return { items, exhaustive: true, hasMore: false, totalCount: items.length, recordErrors };
}

/** Every campaign from the page at `cursor` on, each with the token that reads its page again. */
async function* entriesFrom(api: TouchpointApi, cursor: string | null, ctx: CallContext): AsyncGenerator<NativeEntry> {
  for await (const { page, cursor: at } of pagesFrom(api, cursor, ctx)) {
    const from = encodeResumeToken(at);
    for (const error of page.errors) yield { error, from };
    for (const record of page.valid) yield { campaign: toCampaign(record, api.http.backend), from };
  }
}

/**
 * Reads from the resume token's page through the tie group of the last campaign
 * wanted (see `readThroughTieGroup`), or until the list is past the filter's
 * `createdAfter`, after which nothing can match.
 */
async function readNewestFirst(api: TouchpointApi, query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const start = decodeResumeToken(query.resume);
  const { createdAfter } = query.filter;
  const pastLowerBound = (campaign: Campaign) => createdAfter !== undefined && campaign.createdAt !== null && campaign.createdAt <= createdAfter;
  const { items, recordErrors, reachedEnd } = await readThroughTieGroup(entriesFrom(api, start, ctx), query, { endsAt: pastLowerBound });
  const exhaustive = reachedEnd && start === null && query.after === null;
  return { items, exhaustive, hasMore: !reachedEnd, totalCount: exhaustive ? items.length : null, recordErrors };
}

/** Campaigns by native id, all at once: null for an unknown one, an Error for one that failed. */
export function getCampaigns(api: TouchpointApi, ids: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
  return Promise.all(ids.map((id) => getCampaign(api, id, ctx).then((record) => record && toCampaign(record, api.http.backend), asError)));
}

/** A failure in place of one batch answer, so the others still stand. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
