import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult, ListedCampaign } from '../seam/campaign-list.js';
import type { DeliveryReading } from '../seam/facets.js';
import type { Campaign, DetailField } from '../../model/unified.js';
import { comparePositions, matchesFilter, sortPosition } from '../../model/campaign-order.js';
import { GatewayError } from '../../model/errors.js';
import { completeList, parseRecords } from '../wire-records.js';
import { fetchCampaign, fetchCampaignList, type WorkspaceApi } from './client.js';
import { toCampaign, toCampaignStatus, toDeliveryStats, toListedCampaign } from './to-unified.js';
import { wireCampaignSchema, type WireCampaign } from './wire.js';

function describeRecord(record: unknown, index: number): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `campaign "${id}"` : `campaign record #${index}`;
}

/** The fields the gateway needs from every candidate to filter and order this list. */
function fieldsToDecide(query: CampaignListQuery): DetailField[] {
  const fields: DetailField[] = [];
  if (query.filter.channels?.length) fields.push('channels');
  if (query.order.field === 'UPDATED_AT') fields.push('updatedAt');
  return fields;
}

/**
 * Every campaign of the workspace, from one `GET /campaigns`, in its list form
 * (each marked with the fields it `lacks`): the gateway reads the full record only
 * of the campaigns it hands out, and only when a lacking field is selected. Only a
 * filter or an order on a field the list form lacks (channels come from the
 * workflow) makes the list read full records itself, as few as can decide.
 * A record that breaks the wire schema is left out with an error.
 */
export async function listCampaigns(api: WorkspaceApi, query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const backend = api.http.backend;
  const listed = parseRecords(wireCampaignSchema, await fetchCampaignList(api, ctx), backend, describeRecord);
  const campaigns = listed.valid.map((record) => toListedCampaign(backend, record));
  const toDecide = fieldsToDecide(query);
  if (!campaigns.some((campaign) => toDecide.some((field) => campaign.lacks?.has(field)))) return completeList(campaigns, listed.errors);

  const cheapFilter = { ...query.filter, channels: undefined };
  const candidates = campaigns.filter((campaign) => matchesFilter(campaign, cheapFilter));
  // Ordered on a field every list record has: only the first matches after the cursor can be on the page.
  if (!toDecide.includes('updatedAt') || candidates.every((campaign) => !campaign.lacks?.has('updatedAt'))) {
    return readUntilEnough(api, query, candidates, listed.errors, ctx);
  }
  const read = await readFull(api, candidates, ctx);
  return completeList(read.campaigns, [...listed.errors, ...read.recordErrors]);
}

/** Full records of `candidates`, all at once (the connection pool bounds how many are open); a deleted one is left out. */
async function readFull(api: WorkspaceApi, candidates: readonly Campaign[], ctx: CallContext) {
  const recordErrors: GatewayError[] = [];
  const records = await Promise.all(
    candidates.map(async (candidate) => {
      try {
        return await fetchCampaign(api, candidate.nativeId, ctx);
      } catch (error) {
        // A detail that breaks the contract costs only that campaign; an unreachable backend costs the list.
        if (error instanceof GatewayError && error.code === 'BACKEND_ERROR') {
          recordErrors.push(error);
          return null;
        }
        throw error;
      }
    }),
  );
  const campaigns = records.filter((record): record is WireCampaign => record !== null).map((record) => toCampaign(api.http.backend, record));
  return { campaigns, recordErrors };
}

/**
 * Reads the full records of the candidates in the requested order, after the
 * cursor, until `limit` of them match the filter: first `limit` at once, then as
 * many more as the share of matches so far says are needed.
 */
async function readUntilEnough(
  api: WorkspaceApi,
  query: CampaignListQuery,
  candidates: readonly Campaign[],
  listErrors: readonly GatewayError[],
  ctx: CallContext,
): Promise<CampaignListResult> {
  const { order, after, filter } = query;
  const limit = Math.max(1, query.limit);
  const ordered = candidates
    .map((campaign) => ({ campaign, position: sortPosition(campaign, order) }))
    .filter(({ position }) => !after || comparePositions(position, after, order.direction) > 0)
    .sort((a, b) => comparePositions(a.position, b.position, order.direction))
    .map(({ campaign }) => campaign);
  const items: ListedCampaign[] = [];
  const recordErrors = [...listErrors];
  let next = 0;
  while (items.length < limit && next < ordered.length) {
    const matchShare = next === 0 ? 1 : items.length / next;
    const wanted = matchShare > 0 ? Math.ceil((limit - items.length) / matchShare) : next * 2;
    const window = ordered.slice(next, next + Math.max(limit - items.length, wanted));
    next += window.length;
    const read = await readFull(api, window, ctx);
    recordErrors.push(...read.recordErrors);
    for (const campaign of read.campaigns) if (matchesFilter(campaign, filter)) items.push({ campaign, resume: null });
  }
  const readAll = next >= ordered.length;
  const exhaustive = readAll && after === null;
  return { items, exhaustive, hasMore: !readAll, totalCount: exhaustive ? items.length : null, recordErrors };
}

/** The records of campaigns by id: each distinct id read once, all at once (the connection pool bounds how many are open). */
export async function readCampaigns(api: WorkspaceApi, ids: readonly string[], ctx: CallContext): Promise<Map<string, WireCampaign | null | Error>> {
  const distinct = [...new Set(ids)];
  const records = await Promise.all(
    distinct.map((id) => fetchCampaign(api, id, ctx).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))),
  );
  return new Map(distinct.map((id, index) => [id, records[index]!]));
}

/** Campaigns by native id, null for ids the workspace does not know. */
export async function getCampaigns(api: WorkspaceApi, ids: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
  const records = await readCampaigns(api, ids, ctx);
  return ids.map((id) => {
    const record = records.get(id)!;
    return record === null || record instanceof Error ? record : toCampaign(api.http.backend, record);
  });
}

/** The delivery counters of a campaign (`sent` only: the workspace counts messages), with its status; null for an unknown one. */
export async function readDeliveryStats(api: WorkspaceApi, id: string, ctx: CallContext): Promise<DeliveryReading | null> {
  const record = await fetchCampaign(api, id, ctx);
  if (!record) return null;
  return { stats: toDeliveryStats(record), status: toCampaignStatus(record.status) };
}
