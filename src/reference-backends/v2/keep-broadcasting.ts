import type { CampaignStore, StoredCampaign } from './campaign-store.js';
import { validateCreate } from './create-campaign.js';
import { campaignStatus, hasStarted } from './delivery.js';
import type { CampaignClient } from './requests.js';
import type { TemplateCatalog } from './templates.js';

/**
 * The demo's steady traffic: whenever no broadcast is being delivered, the
 * provider's other user starts a new one, so at any time there is a campaign
 * whose counters move. Its recipients follow the delivery rules (numbers ending
 * in 7 never arrive, ending in 3 fail once), so every counter moves.
 */

/** The template of the live broadcasts (`delivery_update`: name, parcel, time). */
export const LIVE_BROADCAST_TEMPLATE = 'd41f8b6c-0e27-4a93-8f5d-3c9a1e7b2f60';

/** Recipients of each live broadcast. */
const RECIPIENTS = 24;

function recipients(round: number): CampaignClient[] {
  return Array.from({ length: RECIPIENTS }, (_, i) => ({
    AccountID: `+9665${String(5000000 + round * 100 + i).padStart(8, '0')}`,
    Params: [`Customer ${i + 1}`, `PCL-${round}-${String(i + 1).padStart(3, '0')}`, '18:00'],
  }));
}

/** The broadcasts being delivered at `now` (send time come, some message not final), newest first. */
export function processingCampaigns(store: CampaignStore, now: number): StoredCampaign[] {
  return store.list().filter((c) => hasStarted(c, now) && campaignStatus(c, store.messagesOf(c.id), now) === 'processing');
}

/**
 * Starts broadcast number `round` when none is being delivered; answers the
 * campaign it started, or undefined when one was already under way.
 */
export function keepOneBroadcasting(store: CampaignStore, templates: TemplateCatalog, now: number, round: number): StoredCampaign | undefined {
  if (processingCampaigns(store, now).length > 0) return undefined;
  const created = validateCreate(
    { Name: `Live Parcel Updates #${round}`, Message: '', JSON: '', TempMsgID: LIVE_BROADCAST_TEMPLATE, SendAt: '', Clients: recipients(round) },
    templates,
    now,
  );
  if (!created.ok) throw new Error(`the live broadcast could not be created: ${created.message}`);
  return store.create(created.draft);
}
