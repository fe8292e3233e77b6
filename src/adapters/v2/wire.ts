import { z } from 'zod';

/**
 * Zod schemas of the v2 wire payloads (wire contract `v2.md`). Responses use Go's
 * PascalCase field names. Objects are loose so unknown fields pass through to
 * `raw`; no schema adds defaults, so a parsed record is the record as it came.
 * Go writes a nil slice as `null`, so every slice may be null.
 */

// Go's `time.RFC3339` layout: the offset is mandatory, `Z` at UTC.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

const rfc3339 = z.string().refine((text) => RFC3339.test(text) && !Number.isNaN(Date.parse(text)), 'not an RFC 3339 time');

/** An RFC 3339 time, or `""` for "none" (Go's zero string). */
const optionalRfc3339 = z.union([z.literal(''), rfc3339]);

const counter = z.number().int().nonnegative();

/** `CampaignClient`: one recipient and the values of the template's variables. */
const v2ClientSchema = z.looseObject({
  AccountID: z.string(),
  Params: z.array(z.string()).nullable().optional(),
});

/** `CampaignResponse`: the fields the normalization needs are required, the rest optional. */
export const v2CampaignSchema = z.looseObject({
  ID: z.number().int(),
  Name: z.string(),
  TemplateName: z.string().optional(),
  Lang: z.string().optional(),
  CreatedAt: rfc3339,
  UpdatedAt: rfc3339,
  SendAt: optionalRfc3339,
  Status: z.string(),
  Message: z.string().optional(),
  JSON: z.string().optional(),
  SentCount: counter,
  DeliveredCount: counter,
  FailedCount: counter,
  Total: counter,
  Clients: z.array(v2ClientSchema).nullable(),
  TempMsgID: z.string().optional(),
  Error: z.string().optional(),
  SocketKey: z.string().optional(),
});
export type V2Campaign = z.infer<typeof v2CampaignSchema>;

/** A message's delivery state: `pending` → `sent` → `delivered` | `read`, or → `failed`. */
const V2_MESSAGE_STATUSES = ['pending', 'sent', 'delivered', 'read', 'failed'] as const;

/** One message of `getCampMsgs` and the answer of `resendMsg`. */
export const v2MessageSchema = z.looseObject({
  MessageKey: z.string().min(1),
  CampaignID: z.number().int(),
  AccountID: z.string(),
  Status: z.enum(V2_MESSAGE_STATUSES),
  Error: z.string().optional(),
  SentAt: optionalRfc3339.optional(),
  UpdatedAt: optionalRfc3339.optional(),
});
export type V2Message = z.infer<typeof v2MessageSchema>;

/** `getAll` and `getCampMsgs`: `{"data": [...], "count": N}`; records are checked one by one. */
export const v2ListEnvelopeSchema = z.looseObject({
  data: z.array(z.unknown()).nullable(),
  count: z.number().int().optional(),
});

/** Every 4xx error body: `{"error": "<message>"}`. */
export const v2ErrorBodySchema = z.looseObject({ error: z.string() });

/** `CreateCampaignRequest` as the adapter sends it (the server matches keys case-insensitively). */
export interface V2CreateCampaignRequest {
  Name: string;
  Message?: string;
  Clients?: { AccountID: string; Params: string[] }[];
  JSON?: string;
  TempMsgID?: string;
  SendAt?: string;
}

/** `UpdateCampaignRequest`: only the fields that change are sent. */
export interface V2UpdateCampaignRequest {
  ID: number;
  Name?: string;
  SendAt?: string;
}
