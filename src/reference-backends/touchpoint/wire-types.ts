/** The JSON objects of the touchpoint API (snake_case, as in its SDK docs). */

export const CHANNEL_TYPES = ['whatsapp', 'email', 'sms'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const TOUCHPOINT_TYPES = ['message', 'action', 'delay'] as const;
export type TouchpointType = (typeof TOUCHPOINT_TYPES)[number];

/** A touchpoint's payload: plain text, or an object such as `{ text }`, `{ subject, text }` or `{ template }`. */
export type TouchpointMessage = string | Record<string, unknown>;

/** A campaign as the API returns it. Times are ISO 8601 UTC with `Z`. */
export interface Campaign {
  _id: string;
  name: string;
  status: CampaignStatus;
  channel_type: ChannelType;
  created_at: string;
  updated_at: string;
}

/** A touchpoint as the API returns it; `position` is its 0-based place in its campaign. */
export interface Touchpoint {
  _id: string;
  name: string;
  type: TouchpointType;
  campaign_id: string;
  message: TouchpointMessage;
  position: number;
  created_at: string;
}

/** A page of a list endpoint; `next_cursor` is null on the last page. */
export interface ListPage<T> {
  data: T[];
  next_cursor: string | null;
}

/** The answer of `POST /v1/touchpoints/validate`. */
export interface ValidationResult {
  valid: boolean;
  errors: string[];
}
