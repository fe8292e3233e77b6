import type { CampaignStatus, Channel, TouchpointType } from '../../model/enums.js';
import { toIsoUtc } from '../../model/time.js';
import type { Campaign, Touchpoint } from '../../model/unified.js';
import type { WireCampaign, WireTouchpoint } from './wire.js';

/** Pure mappers from the touchpoint API's records to the unified model (CONTRACT.md, "Normalization"). */

const STATUS: Record<string, CampaignStatus> = { draft: 'DRAFT', active: 'ACTIVE', paused: 'PAUSED', completed: 'COMPLETED' };
const CHANNEL: Record<string, Channel> = { whatsapp: 'WHATSAPP', email: 'EMAIL', sms: 'SMS' };
const TOUCHPOINT_TYPE: Record<string, TouchpointType> = { message: 'MESSAGE', action: 'ACTION', delay: 'DELAY' };

/** The unified status of a status word: the four documented words upper-cased, anything else `UNKNOWN`. */
export function toCampaignStatus(word: string | null | undefined): CampaignStatus {
  return (word && STATUS[word.toLowerCase()]) || 'UNKNOWN';
}

/** The channel of a `channel_type`, or null for a word outside `whatsapp`, `email`, `sms`. */
export function toChannel(channelType: string | null | undefined): Channel | null {
  return (channelType && CHANNEL[channelType.toLowerCase()]) || null;
}

/**
 * The unified type of a touchpoint `type`. A word the contract does not name
 * becomes `ACTION` (with `rawType` keeping the word): the platform does something
 * at that step, and `ACTION` is the one unified type that promises nothing more.
 */
export function toTouchpointType(type: string | null | undefined): TouchpointType {
  return (type && TOUCHPOINT_TYPE[type.toLowerCase()]) || 'ACTION';
}

/** A campaign record as a unified campaign of the backend named `backend`. */
export function toCampaign(record: WireCampaign, backend: string): Campaign {
  const channel = toChannel(record.channel_type);
  return {
    backend,
    nativeId: record._id,
    name: record.name,
    description: null,
    status: toCampaignStatus(record.status),
    rawStatus: record.status ?? null,
    channels: channel ? [channel] : [],
    createdAt: toIsoUtc(record.created_at),
    updatedAt: toIsoUtc(record.updated_at),
    scheduledAt: null,
    enrollmentCount: null,
    deliveryStats: null,
    raw: { ...record },
  };
}

/**
 * A touchpoint record as a unified touchpoint of campaign `campaignNativeId`.
 * A message goes out on its campaign's channel (`campaignChannel`, null when the
 * campaign is unknown); delays and actions send nothing, so they have no channel.
 */
export function toTouchpoint(record: WireTouchpoint, backend: string, campaignNativeId: string, campaignChannel: Channel | null): Touchpoint {
  const type = toTouchpointType(record.type);
  return {
    backend,
    campaignNativeId,
    nativeId: record._id,
    name: record.name ?? null,
    type,
    rawType: record.type ?? null,
    channel: type === 'MESSAGE' ? campaignChannel : null,
    message: record.message ?? null,
    position: record.position ?? null,
    createdAt: toIsoUtc(record.created_at),
    raw: { ...record },
  };
}
