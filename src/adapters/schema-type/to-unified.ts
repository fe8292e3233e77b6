import type { Channel } from '../../model/enums.js';
import { toIsoUtc } from '../../model/time.js';
import type { Campaign, RawRecord } from '../../model/unified.js';
import type { WireCampaign } from './wire.js';

/** The `useFor*` flags behind each unified channel; voice has three dialing modes. */
const CHANNEL_FLAGS: readonly (readonly [Channel, readonly (keyof WireCampaign)[]])[] = [
  ['EMAIL', ['useForEmail']],
  ['SMS', ['useForSMS']],
  ['VOICE', ['useForOutbound', 'useForPredictive', 'useForProgressive']],
  ['FAX', ['useForFax']],
];

/** The channels a campaign object's `useFor*` flags switch on (CONTRACT.md, schemaType channels). */
export function channelsOf(record: WireCampaign): Channel[] {
  return CHANNEL_FLAGS.filter(([, flags]) => flags.some((flag) => record[flag] === true)).map(([channel]) => channel);
}

/**
 * The record as it came. It holds no secret: the tenant id names the tenant
 * (it is a field of every object), while the token never appears in a record.
 */
export function rawOf(record: WireCampaign): RawRecord {
  return { ...record };
}

/**
 * A schema-type campaign object in the unified model. The service has no status
 * word: a campaign it returns is live, hence `ACTIVE` with `rawStatus` null. It
 * has no schedule, touchpoints, enrollments or counters. A blank description is
 * no description.
 */
export function toCampaign(record: WireCampaign, backend: string): Campaign {
  return {
    backend,
    nativeId: record.campaignId,
    name: record.name,
    description: record.description ? record.description : null,
    status: 'ACTIVE',
    rawStatus: null,
    channels: channelsOf(record),
    createdAt: toIsoUtc(record.createdAt),
    updatedAt: toIsoUtc(record.modifiedAt),
    scheduledAt: null,
    enrollmentCount: null,
    deliveryStats: null,
    raw: rawOf(record),
  };
}
