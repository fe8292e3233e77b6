import type { CallContext, CampaignListQuery, CampaignListResult, ChildKey } from '../adapter.js';
import { matchesFilter } from '../../model/campaign-order.js';
import { GatewayError } from '../../model/errors.js';
import type { Campaign, Touchpoint } from '../../model/unified.js';
import { completeList, parseRecords } from '../wire-records.js';
import { mapBounded } from './bounded-map.js';
import { fetchCampaign, fetchCampaignList, type WorkspaceApi } from './client.js';
import { toCampaign, toTouchpoints } from './to-unified.js';
import { wireCampaignSchema, type WireCampaign } from './wire.js';

/** Single-campaign reads in flight at once while listing: enough to overlap, few enough to leave the pool to others. */
export const DETAIL_CONCURRENCY = 4;

function describeRecord(record: unknown, index: number): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `campaign "${id}"` : `campaign record #${index}`;
}

/**
 * Every campaign of the workspace. The list form has no workflow, and channels come
 * from `SEND_MESSAGE` nodes, so each listed campaign is read once more on its own
 * (through the client, so a per-request memo shares these reads with later touchpoint
 * reads). Campaigns whose list form already fails a filter other than `channels` are
 * not read again. A record that breaks the wire schema is left out with an error.
 */
export async function listAllCampaigns(api: WorkspaceApi, query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const backend = api.http.backend;
  const listed = parseRecords(wireCampaignSchema, await fetchCampaignList(api, ctx), backend, describeRecord);
  const cheapFilter = { ...query.filter, channels: undefined };
  const wanted = listed.valid.filter((summary) => matchesFilter(toCampaign(backend, summary), cheapFilter));
  const recordErrors = [...listed.errors];
  const details = await mapBounded(wanted, DETAIL_CONCURRENCY, async (summary) => {
    try {
      return await fetchCampaign(api, summary.id, ctx);
    } catch (error) {
      // A detail that breaks the contract costs only that campaign; an unreachable backend costs the list.
      if (error instanceof GatewayError && error.code === 'BACKEND_ERROR') {
        recordErrors.push(error);
        return null;
      }
      throw error;
    }
  });
  // A campaign deleted between the list and its own read is simply gone.
  const campaigns = details.filter((record): record is WireCampaign => record !== null).map((record) => toCampaign(backend, record));
  return completeList(campaigns, recordErrors);
}

/** Reads each distinct id once, in parallel (bounded); the answer follows `ids` in order and length. */
async function readEach(api: WorkspaceApi, ids: readonly string[], ctx: CallContext): Promise<Map<string, WireCampaign | null | Error>> {
  const distinct = [...new Set(ids)];
  const records = await mapBounded(distinct, DETAIL_CONCURRENCY, async (id) => {
    try {
      return await fetchCampaign(api, id, ctx);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
  return new Map(distinct.map((id, index) => [id, records[index]!]));
}

/** Campaigns by native id, null for ids the workspace does not know. */
export async function getCampaigns(api: WorkspaceApi, ids: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
  const records = await readEach(api, ids, ctx);
  return ids.map((id) => {
    const record = records.get(id)!;
    return record === null || record instanceof Error ? record : toCampaign(api.http.backend, record);
  });
}

function touchpointsOf(api: WorkspaceApi, record: WireCampaign): Touchpoint[] | Error {
  return (
    toTouchpoints(api.http.backend, record) ??
    new GatewayError('BACKEND_ERROR', `backend "${api.http.backend}" answered campaign "${record.id}" without its workflow`, {
      backend: api.http.backend,
    })
  );
}

/** The touchpoints (workflow nodes by position) of each campaign; null for an unknown campaign. */
export async function listTouchpoints(
  api: WorkspaceApi,
  campaignIds: readonly string[],
  ctx: CallContext,
): Promise<(Touchpoint[] | null | Error)[]> {
  const records = await readEach(api, campaignIds, ctx);
  return campaignIds.map((id) => {
    const record = records.get(id)!;
    return record === null || record instanceof Error ? record : touchpointsOf(api, record);
  });
}

/** Touchpoints by key; null for an unknown campaign or node. */
export async function getTouchpoints(api: WorkspaceApi, keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]> {
  const lists = await listTouchpoints(api, keys.map((key) => key.campaignNativeId), ctx);
  return keys.map((key, index) => {
    const list = lists[index]!;
    return list === null || list instanceof Error ? list : (list.find((tp) => tp.nativeId === key.nativeId) ?? null);
  });
}
