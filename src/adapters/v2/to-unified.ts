import type { CampaignStatus, DeliveryStatus } from '../../model/enums.js';
import { toIsoUtc } from '../../model/time.js';
import type { Campaign, DeliveryStats, Enrollment, Message, RawRecord, Touchpoint } from '../../model/unified.js';
import type { V2Campaign, V2Message } from './wire.js';

/**
 * Pure mappers from v2 wire records to the unified model (CONTRACT.md,
 * "Normalization", column v2). Go writes an absent string as `""`; the mappers
 * read `""` as "none" (null) wherever the unified field is nullable.
 */

/** The native id of a campaign's only touchpoint: its message. */
const MESSAGE_TOUCHPOINT_ID = 'message';

const STATUSES: Readonly<Record<string, CampaignStatus>> = {
  scheduled: 'SCHEDULED',
  processing: 'ACTIVE',
  completed: 'COMPLETED',
  failed: 'FAILED',
};

/** The fields of a campaign record that describe its message (the touchpoint's `raw`). */
const MESSAGE_FIELDS = ['Message', 'JSON', 'TempMsgID', 'TemplateName', 'Lang'] as const;

/** Fields that are secrets and never leave the adapter. */
const SECRET_FIELDS = ['SocketKey'] as const;

const orNull = (text: string | undefined): string | null => (text === undefined || text === '' ? null : text);

/** `scheduled`/`processing`/`completed`/`failed` → the unified status; any other word → `UNKNOWN`. */
export function toCampaignStatus(rawStatus: string): CampaignStatus {
  return Object.hasOwn(STATUSES, rawStatus) ? STATUSES[rawStatus]! : 'UNKNOWN';
}

/** The `JSON` payload parsed when it is valid JSON, else the string as it came; `""` → null. */
export function toPayload(json: string | undefined): unknown {
  if (json === undefined || json === '') return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** The record as it came, minus its secrets. */
export function toRawCampaign(record: V2Campaign): RawRecord {
  const raw: RawRecord = { ...record };
  for (const field of SECRET_FIELDS) delete raw[field];
  return raw;
}

/** The campaign's message as its one `MESSAGE` touchpoint (position 0, channel WhatsApp). */
export function toMessageTouchpoint(record: V2Campaign, backend: string): Touchpoint {
  const raw: RawRecord = {};
  for (const field of MESSAGE_FIELDS) if (record[field] !== undefined) raw[field] = record[field];
  return {
    backend,
    campaignNativeId: String(record.ID),
    nativeId: MESSAGE_TOUCHPOINT_ID,
    name: orNull(record.TemplateName),
    type: 'MESSAGE',
    rawType: null,
    channel: 'WHATSAPP',
    message: {
      text: orNull(record.Message),
      templateId: orNull(record.TempMsgID),
      templateName: orNull(record.TemplateName),
      language: orNull(record.Lang),
      payload: toPayload(record.JSON),
    },
    position: 0,
    createdAt: toIsoUtc(record.CreatedAt),
    raw,
  };
}

/** The four counters a campaign record carries, as of its `UpdatedAt`. */
export function toDeliveryStats(record: V2Campaign): DeliveryStats {
  return {
    total: record.Total,
    sent: record.SentCount,
    delivered: record.DeliveredCount,
    failed: record.FailedCount,
    // The wire schema admits only parseable RFC 3339 times here, so this is never null.
    updatedAt: toIsoUtc(record.UpdatedAt) as string,
  };
}

/** A v2 campaign record in the unified model, its message touchpoint inline. */
export function toCampaign(record: V2Campaign, backend: string): Campaign {
  // The wire schema admits only parseable RFC 3339 times here, so these are never null.
  const createdAt = toIsoUtc(record.CreatedAt) as string;
  const updatedAt = toIsoUtc(record.UpdatedAt) as string;
  return {
    backend,
    nativeId: String(record.ID),
    name: record.Name,
    description: null,
    status: toCampaignStatus(record.Status),
    rawStatus: record.Status,
    channels: ['WHATSAPP'],
    createdAt,
    updatedAt,
    scheduledAt: toIsoUtc(record.SendAt),
    enrollmentCount: record.Clients?.length ?? 0,
    deliveryStats: toDeliveryStats(record),
    touchpoints: [toMessageTouchpoint(record, backend)],
    raw: toRawCampaign(record),
  };
}

/** The campaign's clients as enrollments, in the backend's order. */
export function toEnrollments(record: V2Campaign, backend: string): Enrollment[] {
  return (record.Clients ?? []).map((client) => ({
    backend,
    campaignNativeId: String(record.ID),
    contactId: client.AccountID,
    params: client.Params ?? null,
  }));
}

/** A v2 message in the unified model: the status word upper-cased, `""` error and times → null. */
export function toMessage(record: V2Message, backend: string): Message {
  return {
    backend,
    campaignNativeId: String(record.CampaignID),
    nativeId: record.MessageKey,
    recipient: record.AccountID,
    status: record.Status.toUpperCase() as DeliveryStatus,
    error: orNull(record.Error),
    sentAt: toIsoUtc(record.SentAt),
    updatedAt: toIsoUtc(record.UpdatedAt),
  };
}
