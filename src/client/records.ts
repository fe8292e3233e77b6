import type { CampaignGatewayError } from './campaign-gateway-error.js';
import type {
  CampaignRecordFragment,
  CampaignStatus,
  Channel,
  CreateCampaignInput,
  TouchpointRecordFragment,
  TouchpointType,
  UpdateTouchpointInput,
  WatchDeliveryStatsSubscription,
} from './generated/graphql.js';

/**
 * The records of `client.campaign`, in the shape of the campaign SDK it
 * reproduces (snake_case, `_id`), plus the backend each record lives on.
 */

/** A campaign status in lower case: `draft`, `scheduled`, `active`, `paused`, `completed`, `failed`, `archived`, `unknown`. */
export type CampaignStatusName = Lowercase<CampaignStatus>;
/** A channel in lower case: `email`, `sms`, `whatsapp`, `voice`, `fax`, `push`, `telegram`, `on_site`. */
export type ChannelName = Lowercase<Channel>;
/** A touchpoint type in lower case: `trigger`, `message`, `action`, `condition`, `delay`. */
export type TouchpointTypeName = Lowercase<TouchpointType>;

/** A campaign of any backend. */
export interface Campaign {
  /** The gateway's global id: opaque, stable across restarts. */
  _id: string;
  name: string;
  status: CampaignStatusName;
  /** The first of the campaign's channels, or null when it has none. */
  channel_type: ChannelName | null;
  /** ISO 8601 UTC with milliseconds. */
  created_at: string | null;
  updated_at: string | null;
  /** The configured name of the backend it lives on. */
  backend: string;
}

/** One step of a campaign. */
export interface Touchpoint {
  _id: string;
  name: string | null;
  type: TouchpointTypeName;
  /** The global id of its campaign. */
  campaign_id: string;
  created_at: string | null;
  /** The message it sends (text or the backend's message object), where it has one. */
  message: unknown;
  /** Its place in the campaign, where the backend orders touchpoints. */
  position: number | null;
  backend: string;
}

/** Delivery counters of a campaign; null where the backend does not count that state. */
export interface DeliveryStats {
  total: number | null;
  sent: number;
  delivered: number | null;
  failed: number | null;
  updated_at: string;
  /** True while the backend cannot be read: these are the last counters known. */
  stale: boolean;
  /** True once the campaign can send no more: the counters are final and the stream ends. */
  done: boolean;
}

/** What `list` filters by; every filter is optional and they combine. */
export interface ListCampaignsParams {
  /** Only these backends (configured names); default every backend. */
  backend?: string | string[];
  status?: CampaignStatusName | CampaignStatusName[];
  /** Campaigns having any of these channels. */
  channel_type?: ChannelName | ChannelName[];
  /** Case-insensitive part of the name. */
  name_contains?: string;
  /** Campaigns per page, at most 100; default 20. */
  limit?: number;
  /** The `next` of an earlier page: continues that list (its filters included). */
  cursor?: string | null;
}

/** One page of campaigns. */
export interface CampaignPage {
  data: Campaign[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
  /** Backends that failed to answer; `data` holds what the others gave. Empty when all answered. */
  errors: CampaignGatewayError[];
}

/** What `create` takes: the SDK's fields, plus any field of the gateway's `CreateCampaignInput` in camelCase. */
export interface CreateCampaignParams extends Partial<Omit<CreateCampaignInput, 'backend' | 'name' | 'channels'>> {
  name: string;
  /** The one channel of the campaign; `channels` gives several. */
  channel_type?: ChannelName;
  channels?: ChannelName[];
  /** Where the campaign is made; default the client's `defaultBackend`. */
  backend?: string;
}

/** What `createTouchpoint` takes. */
export interface CreateTouchpointParams {
  name: string;
  type: TouchpointTypeName;
  campaign_id: string;
  /** Text or a message object. */
  message?: unknown;
  channel?: ChannelName;
  /** The backend's own type where the unified one is ambiguous (workspace `SET_FIELD`, `LONG_DELAY`, …). */
  rawType?: string;
  /** Backend-specific settings (a workspace node's config). */
  config?: unknown;
}

/** What `updateTouchpoint` changes; fields left out stay as they are. */
export type UpdateTouchpointParams = UpdateTouchpointInput;

/** The outcome of `validateTouchpoint`. */
export interface TouchpointValidation {
  valid: boolean;
  errors: string[];
}

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

/** A campaign as the gateway answered it, in the SDK's shape. */
export function toCampaign(node: CampaignRecordFragment): Campaign {
  const [channel] = node.channels;
  return {
    _id: node.id,
    name: node.name,
    status: lower(node.status),
    channel_type: channel ? lower(channel) : null,
    created_at: node.createdAt ?? null,
    updated_at: node.updatedAt ?? null,
    backend: node.backend.name,
  };
}

/** A touchpoint as the gateway answered it, in the SDK's shape. */
export function toTouchpoint(node: TouchpointRecordFragment): Touchpoint {
  return {
    _id: node.id,
    name: node.name ?? null,
    type: lower(node.type),
    campaign_id: node.campaignId,
    created_at: node.createdAt ?? null,
    message: node.message ?? null,
    position: node.position ?? null,
    backend: node.backend.name,
  };
}

/** One event of the delivery counters, in the SDK's shape. */
export function toDeliveryStats(stats: WatchDeliveryStatsSubscription['deliveryStats']): DeliveryStats {
  return {
    total: stats.total ?? null,
    sent: stats.sent,
    delivered: stats.delivered ?? null,
    failed: stats.failed ?? null,
    updated_at: stats.updatedAt,
    stale: stats.stale,
    done: stats.done,
  };
}

/** An enum value of the gateway's schema from the SDK's lower-case word (unknown words are left for the gateway to refuse). */
export const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;
