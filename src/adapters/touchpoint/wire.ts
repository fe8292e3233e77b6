import { z } from 'zod';

/**
 * Zod schemas of the touchpoint API's JSON (wire contract `touchpoint.md`). Loose:
 * unknown fields are tolerated and kept, so they reach `raw`. Only what the gateway
 * cannot do without is required; the seed documents the rest as optional.
 */

const optionalText = z.string().nullish();

/** A campaign: `_id`, `name`, `status`, `channel_type`, `created_at`, `updated_at`. */
export const wireCampaignSchema = z.looseObject({
  _id: z.string().min(1),
  name: z.string(),
  status: optionalText,
  channel_type: optionalText,
  created_at: optionalText,
  updated_at: optionalText,
});
export type WireCampaign = z.infer<typeof wireCampaignSchema>;

/** A touchpoint; `message` is a string or an object, `position` its 0-based place. */
export const wireTouchpointSchema = z.looseObject({
  _id: z.string().min(1),
  name: optionalText,
  type: optionalText,
  campaign_id: optionalText,
  message: z.unknown().optional(),
  position: z.number().int().nullish(),
  created_at: optionalText,
});
export type WireTouchpoint = z.infer<typeof wireTouchpointSchema>;

/** One page of a list endpoint; the records are checked one by one. */
export const wireListPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  next_cursor: z.string().nullish(),
});

/** The answer of `POST /v1/touchpoints/validate`. */
export const wireValidationSchema = z.looseObject({
  valid: z.boolean(),
  errors: z.array(z.string()),
});

/** A `4xx` error body: `{"error": {"code", "message", "param"?}}`. */
export const wireErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.string().nullish(),
    message: z.string().nullish(),
    param: z.string().nullish(),
  }),
});

/** The bodies the API accepts. */
export type WireChannelType = 'whatsapp' | 'email' | 'sms';
export type WireTouchpointType = 'message' | 'action' | 'delay';
/** A touchpoint payload: any string or JSON object. */
export type WireMessage = string | Record<string, unknown>;

export interface WireCreateCampaign {
  name: string;
  channel_type: WireChannelType;
}

export interface WireCreateTouchpoint {
  name: string;
  type: WireTouchpointType;
  campaign_id: string;
  message: WireMessage;
}

export interface WireUpdateTouchpoint {
  name?: string;
  message?: WireMessage;
  position?: number;
}
