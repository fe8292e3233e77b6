import type { Campaign, Enrollment, Page, PageRequest } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult } from '../seam/campaign-list.js';
import type { DeliveryReading } from '../seam/facets.js';
import { completeList } from '../wire-records.js';
import { getAllCampaigns, type V2Api } from './client.js';
import { pageOf } from './offset-cursor.js';
import { toCampaign, toDeliveryStats, toEnrollments } from './to-unified.js';
import type { V2Campaign } from './wire.js';

/**
 * v2 has no endpoint for one campaign, so every campaign read (lists, loads by
 * id, touchpoints, enrollments, counters) is the same `getAll` call, which the
 * per-request memo sends once per GraphQL request. Campaigns beyond the newest
 * 1000 are unreachable through this API (`getAll` has no cursor).
 */

/** A campaign as read, in the unified model and as it came on the wire. */
interface IndexedCampaign {
  campaign: Campaign;
  record: V2Campaign;
}

/** Every campaign a v2 backend shows, by native id, and the records it sent that break the wire schema. */
interface CampaignIndex {
  campaigns: Campaign[];
  byId: Map<string, IndexedCampaign | Error>;
  recordErrors: CampaignListResult['recordErrors'];
}

async function campaignIndex(api: V2Api, ctx: CallContext): Promise<CampaignIndex> {
  const backend = api.http.backend;
  const records = await getAllCampaigns(api, ctx);
  const byId = new Map<string, IndexedCampaign | Error>();
  for (const { nativeId, error } of records.errors) if (nativeId !== null) byId.set(nativeId, error);
  const campaigns = records.campaigns.map((record) => {
    const campaign = toCampaign(record, backend);
    byId.set(campaign.nativeId, { campaign, record });
    return campaign;
  });
  return { campaigns, byId, recordErrors: records.errors.map(({ error }) => error) };
}

/** Every campaign at once: `getAll` has no cursor, filters or order, so the gateway does all of it. */
export async function listCampaigns(api: V2Api, _query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const { campaigns, recordErrors } = await campaignIndex(api, ctx);
  return completeList(campaigns, recordErrors);
}

/** Campaigns by native id; null for one `getAll` does not show. */
export async function getCampaigns(api: V2Api, nativeIds: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
  const { byId } = await campaignIndex(api, ctx);
  return nativeIds.map((nativeId) => {
    const found = byId.get(nativeId);
    return found instanceof Error ? found : (found?.campaign ?? null);
  });
}

/** The campaign's `Clients`, paged here (the record carries all of them); null for an unknown campaign. */
export async function listEnrollments(api: V2Api, campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Enrollment> | null> {
  const found = (await campaignIndex(api, ctx)).byId.get(campaignNativeId);
  if (found instanceof Error) throw found;
  if (!found) return null;
  return pageOf(toEnrollments(found.record, api.http.backend), page);
}

/** The campaign's four counters as the record carries them, with its status; null for an unknown campaign. */
export async function readDeliveryStats(api: V2Api, campaignNativeId: string, ctx: CallContext): Promise<DeliveryReading | null> {
  const found = (await campaignIndex(api, ctx)).byId.get(campaignNativeId);
  if (found instanceof Error) throw found;
  if (!found) return null;
  return { stats: toDeliveryStats(found.record), status: found.campaign.status };
}
