import type { CampaignStatus, Channel } from '../../../src/model/enums.js';
import type { Campaign, DeliveryStats } from '../../../src/model/unified.js';
import type { WireBulletin } from './wire.js';

/** Pure mappers from the notice board's bulletins to the unified model. */

const STATUS: Readonly<Record<string, CampaignStatus>> = { drafting: 'DRAFT', queued: 'SCHEDULED', sending: 'ACTIVE', posted: 'COMPLETED', withdrawn: 'ARCHIVED' };
const CHANNEL: Readonly<Record<string, Channel>> = { mail: 'EMAIL', text: 'SMS', push: 'PUSH' };

const fromSeconds = (seconds: number) => new Date(seconds * 1000).toISOString();

/** A phase word as a status; any other word is `UNKNOWN`. */
export function toCampaignStatus(phase: string): CampaignStatus {
  return Object.hasOwn(STATUS, phase) ? STATUS[phase]! : 'UNKNOWN';
}

/** The bulletin's media as channels, unknown media left out. */
export function toChannels(media: readonly string[]): Channel[] {
  return [...new Set(media.filter((medium) => Object.hasOwn(CHANNEL, medium)).map((medium) => CHANNEL[medium]!))];
}

/** What the bulletin reached, as of when it was last touched (bounced messages are the failed ones). */
export function toDeliveryStats(record: WireBulletin): DeliveryStats {
  return { total: null, sent: record.reach.sent, delivered: record.reach.delivered, failed: record.reach.bounced, updatedAt: fromSeconds(record.touched) };
}

/** A bulletin as a campaign of the backend named `backend`. */
export function toCampaign(record: WireBulletin, backend: string): Campaign {
  return {
    backend,
    nativeId: record.ref,
    name: record.headline,
    description: null,
    status: toCampaignStatus(record.phase),
    rawStatus: record.phase,
    channels: toChannels(record.media),
    createdAt: fromSeconds(record.opened),
    updatedAt: fromSeconds(record.touched),
    scheduledAt: null,
    enrollmentCount: null,
    deliveryStats: toDeliveryStats(record),
    raw: { ...record },
  };
}
