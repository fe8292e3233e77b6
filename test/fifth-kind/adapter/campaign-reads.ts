import type { CallContext } from '../../../src/adapters/http/call-context.js';
import type { CampaignListQuery, CampaignListResult } from '../../../src/adapters/seam/campaign-list.js';
import type { DeliveryReading } from '../../../src/adapters/seam/facets.js';
import { completeList } from '../../../src/adapters/wire-records.js';
import type { GatewayError } from '../../../src/model/errors.js';
import type { Campaign } from '../../../src/model/unified.js';
import { getBulletin, listBulletinPage, type BulletinApi } from './client.js';
import { toCampaign, toCampaignStatus, toDeliveryStats } from './to-unified.js';

/** Every bulletin, page by page: the board has neither filters nor orders, so the gateway applies them all. */
export async function listCampaigns(api: BulletinApi, _query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
  const campaigns: Campaign[] = [];
  const errors: GatewayError[] = [];
  for (let page = 1, pages = 1; page <= pages; page += 1) {
    const answer = await listBulletinPage(api, page, ctx);
    pages = answer.pages;
    campaigns.push(...answer.valid.map((record) => toCampaign(record, api.http.backend)));
    errors.push(...answer.errors);
  }
  return completeList(campaigns, errors);
}

/** Bulletins by ref, all at once: null for one the board does not have, an Error for one that failed. */
export function getCampaigns(api: BulletinApi, refs: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
  return Promise.all(
    refs.map((ref) =>
      getBulletin(api, ref, ctx).then(
        (record) => record && toCampaign(record, api.http.backend),
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
    ),
  );
}

/** What a bulletin reached, with its status; null for one the board does not have. */
export async function readDeliveryStats(api: BulletinApi, ref: string, ctx: CallContext): Promise<DeliveryReading | null> {
  const record = await getBulletin(api, ref, ctx);
  return record && { stats: toDeliveryStats(record), status: toCampaignStatus(record.phase) };
}
