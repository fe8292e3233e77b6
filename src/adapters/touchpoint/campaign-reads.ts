import { comparePositions, matchesFilter, sortPosition } from '../../model/campaign-order.js';
import { GatewayError } from '../../model/errors.js';
import type { Campaign } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult, ListedCampaign } from '../seam/campaign-list.js';
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

/**
 * Reads from the resume token's page until it holds `limit` matching campaigns
 * after `after` and has seen the whole tie group of the last one (the gateway
 * breaks ties by global id, which the API's order knows nothing about), or until
 * nothing further can match.
 */
async function readNewestFirst(api: TouchpointApi, query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const start = decodeResumeToken(query.resume);
  const items: ListedCampaign[] = [];
  const recordErrors: GatewayError[] = [];
  const isAfter = (campaign: Campaign) =>
    !query.after || comparePositions(sortPosition(campaign, query.order), query.after, 'DESC') > 0;
  const { createdAfter } = query.filter;

  let group: { createdAt: string | null; resume: string } | undefined;
  let lastTaken: string | null | undefined;
  let complete = true;
  walk: for await (const { page, cursor } of pagesFrom(api, start, ctx)) {
    recordErrors.push(...page.errors);
    for (const record of page.valid) {
      const campaign = toCampaign(record, api.http.backend);
      if (items.length >= query.limit && campaign.createdAt !== lastTaken) {
        complete = false;
        break walk;
      }
      // Newest first: past the lower bound nothing further can match.
      if (createdAfter && campaign.createdAt !== null && campaign.createdAt <= createdAfter) break walk;
      if (!group || group.createdAt !== campaign.createdAt) group = { createdAt: campaign.createdAt, resume: encodeResumeToken(cursor) };
      if (!matchesFilter(campaign, query.filter) || !isAfter(campaign)) continue;
      items.push({ campaign, resume: group.resume });
      lastTaken = campaign.createdAt;
    }
  }
  const exhaustive = complete && start === null && query.after === null;
  return { items, exhaustive, hasMore: !complete, totalCount: exhaustive ? items.length : null, recordErrors };
}

/** Campaigns by native id, all at once: null for an unknown one, an Error for one that failed. */
export function getCampaigns(api: TouchpointApi, ids: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
  return Promise.all(ids.map((id) => getCampaign(api, id, ctx).then((record) => record && toCampaign(record, api.http.backend), asError)));
}

/** A failure in place of one batch answer, so the others still stand. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
