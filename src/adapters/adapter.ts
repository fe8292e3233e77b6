import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import type { EditLock } from './edit-lock.js';
import type { AttemptOutcome, BackendHttpClient } from './http/backend-client.js';
import type { UpstreamCache } from './http/upstream-cache.js';
import type { BackendKind, Capability, CampaignOrderField, CampaignStatus, Channel, OrderDirection, TouchpointType, TriggerType } from '../model/enums.js';
import type { GatewayError } from '../model/errors.js';
import type {
  Campaign,
  EnrollmentResult,
  Enrollment,
  ExecutionResult,
  Message,
  Page,
  Touchpoint,
  TouchpointValidation,
} from '../model/unified.js';

/** Per-call context every adapter method receives. */
export interface CallContext {
  /** Aborted when the GraphQL client goes away; upstream calls stop with it. */
  signal?: AbortSignal;
  /** Per-GraphQL-request memo: identical idempotent upstream reads share one call. */
  cache?: UpstreamCache;
  /**
   * Read what the backend holds now: never share a read already in flight (a
   * read-modify-write must start from the current state). Default false.
   */
  fresh?: boolean;
}

/** Filters a list query can push down; the gateway applies all of them again, so pushing down is optional. */
export interface CampaignFilter {
  status?: CampaignStatus[];
  channels?: Channel[];
  nameContains?: string;
  /** Exclusive lower bound, ISO 8601. */
  createdAfter?: string;
  /** Exclusive upper bound, ISO 8601. */
  createdBefore?: string;
}

export interface CampaignOrder {
  field: CampaignOrderField;
  direction: OrderDirection;
}

/** The sort position of one campaign in the requested order: its sort value and global id. */
export interface SortPosition {
  value: string | null;
  id: string;
}

/** A request for one backend's part of a cross-backend campaign list. */
export interface CampaignListQuery {
  order: CampaignOrder;
  filter: CampaignFilter;
  /** Only campaigns strictly after this position are wanted (null: from the start). */
  after: SortPosition | null;
  /** Where this adapter said to resume, saved in the cursor by an earlier page (null: from the start). */
  resume: string | null;
  /** The gateway needs at most this many campaigns from this backend. */
  limit: number;
}

/** One campaign of a list answer, with where to resume after it. */
export interface ListedCampaign {
  campaign: Campaign;
  /**
   * Opaque token that lets the adapter continue after this campaign without
   * re-reading from the start; null when the adapter always reads everything.
   * It must point at or before the first campaign that ties with this one on
   * the sort value, so that no tied campaign is skipped.
   */
  resume: string | null;
}

/**
 * One backend's answer to a {@link CampaignListQuery}. The gateway sorts, filters
 * and drops campaigns at or before `after` itself, so an adapter may return a
 * superset; it must include the first `limit` matching campaigns after `after`
 * (or all of them when there are fewer).
 *
 * A campaign may come in the backend's list form, marked with the fields it
 * `lacks`: the gateway then reads the full record (`getCampaigns`) of those it
 * hands out, and only when a lacking field is selected. The fields the filter
 * and the order look at must be known, so an adapter whose list form lacks one
 * of them reads the full records it needs to decide.
 */
export interface CampaignListResult {
  items: ListedCampaign[];
  /** True when `items` holds every campaign of the backend that matches the filter, whatever `after` says. */
  exhaustive: boolean;
  /** True when there may be matching campaigns after the last item that were not returned. */
  hasMore: boolean;
  /** Exact number of campaigns matching the whole filter when the backend says so cheaply; else null. */
  totalCount: number | null;
  /** Records the backend sent that do not match its wire schema (left out of `items`). */
  recordErrors: GatewayError[];
}

/** Identifies a touchpoint or message inside its campaign. */
export interface ChildKey {
  campaignNativeId: string;
  nativeId: string;
}

/** `createCampaign` input without `backend` (the gateway routes by it). */
export interface CreateCampaignInput {
  name: string;
  description?: string | null;
  type?: string | null;
  channels?: Channel[] | null;
  scheduledAt?: string | null;
  endsAt?: string | null;
  recipients?: { contactId: string; params?: string[] | null }[] | null;
  templateId?: string | null;
  message?: unknown;
  payload?: string | null;
  workflowId?: string | null;
  senders?: { smsFrom?: string | null; emailFrom?: string | null; callerId?: string | null } | null;
  settings?: unknown;
}

export interface UpdateCampaignInput {
  name?: string | null;
  description?: string | null;
  status?: CampaignStatus | null;
  scheduledAt?: string | null;
  endsAt?: string | null;
  settings?: unknown;
}

export interface CreateTouchpointInput {
  name: string;
  type: TouchpointType;
  rawType?: string | null;
  channel?: Channel | null;
  message?: unknown;
  config?: unknown;
}

export interface UpdateTouchpointInput {
  name?: string | null;
  message?: unknown;
  config?: unknown;
  position?: number | null;
}

export interface ExecuteCampaignInput {
  contactId?: string | null;
  triggerType?: TriggerType | null;
  segmentId?: string | null;
  eventType?: string | null;
}

/** A page request for a campaign's enrollments or messages. */
export interface PageRequest {
  first: number;
  /** The `next` of the previous page, or null for the first page. */
  after: string | null;
}

/**
 * The one interface every backend kind implements. Reads of campaigns are
 * required; everything else is optional and declared in `capabilities`: the
 * gateway answers `UNSUPPORTED` before calling a method the backend lacks.
 *
 * Batch methods return results in the same order and length as their keys:
 * `null` for a key that does not exist, an `Error` for one that failed.
 */
export interface BackendAdapter {
  /** The configured backend name (`Backend.name`). */
  readonly name: string;
  readonly kind: BackendKind;
  readonly capabilities: ReadonlySet<Capability>;

  /** This backend's part of a cross-backend campaign list. */
  listCampaigns(query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult>;
  /** Campaigns by native id. */
  getCampaigns(nativeIds: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]>;

  /**
   * Touchpoints of each campaign in position order (`TOUCHPOINTS`). `campaigns`, in
   * the order of the ids, holds the campaigns the caller already read (undefined
   * where it has none), so that the adapter need not read them again.
   */
  listTouchpoints?(
    campaignNativeIds: readonly string[],
    ctx: CallContext,
    campaigns?: readonly (Campaign | undefined)[],
  ): Promise<(Touchpoint[] | null | Error)[]>;
  /** Touchpoints by key (`TOUCHPOINTS`). */
  getTouchpoints?(keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]>;
  /** A page of a campaign's enrollments (`ENROLLMENT` with a listable backend); null for an unknown campaign. */
  listEnrollments?(campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Enrollment> | null>;
  /** A page of a campaign's messages (`MESSAGES`); null for an unknown campaign. */
  listMessages?(campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Message> | null>;

  createCampaign?(input: CreateCampaignInput, ctx: CallContext): Promise<Campaign>;
  updateCampaign?(nativeId: string, input: UpdateCampaignInput, ctx: CallContext): Promise<Campaign>;
  deleteCampaign?(nativeId: string, ctx: CallContext): Promise<void>;
  createTouchpoint?(campaignNativeId: string, input: CreateTouchpointInput, ctx: CallContext): Promise<Touchpoint>;
  updateTouchpoint?(key: ChildKey, input: UpdateTouchpointInput, ctx: CallContext): Promise<Touchpoint>;
  deleteTouchpoint?(key: ChildKey, ctx: CallContext): Promise<void>;
  validateTouchpoint?(key: ChildKey, ctx: CallContext): Promise<TouchpointValidation>;
  enrollContacts?(campaignNativeId: string, contactIds: readonly string[], ctx: CallContext): Promise<EnrollmentResult>;
  executeCampaign?(campaignNativeId: string, input: ExecuteCampaignInput, ctx: CallContext): Promise<ExecutionResult>;
  resendMessage?(key: ChildKey, ctx: CallContext): Promise<Message>;

  /** Closes connection pools. */
  close(): Promise<void>;
}

/** Config fields every backend entry has, as declared by the config schema (`config/config-schema.ts`). */
export type CommonBackendConfig = import('../config/config-schema.js').CommonBackendConfig;

/** Circuit-breaker settings of one backend (config `breaker`), as declared by the config schema. */
export type BackendBreakerConfig = import('../config/config-schema.js').BackendBreakerConfig;

/** What an adapter factory gets besides its config. */
export interface AdapterDeps {
  logger: Logger;
  /** Observes every upstream attempt (metrics); the factory passes it to its HTTP client's `onAttempt`. */
  onUpstreamAttempt?: (attempt: AttemptOutcome) => void;
  /** Told of each HTTP client the factory creates, so readiness can report its circuit breaker. */
  onHttpClient?: (client: BackendHttpClient) => void;
  /**
   * Serializes read-modify-writes of one record (the workspace workflow). Default:
   * a `LocalEditLock` per adapter, which covers this process only; the server
   * passes a Redis-backed lock when `redisUrl` is set, so edits through several
   * replicas are serialized too. Adapters key it by backend name and record id.
   */
  editLock?: EditLock;
}

/**
 * Builds adapters of one backend kind. Registering a factory is all it takes to
 * add a backend kind: config validation and the schema pick it up.
 */
export interface AdapterFactory<Config extends CommonBackendConfig = CommonBackendConfig> {
  /** The config file's `kind`. */
  kind: string;
  /** The GraphQL `BackendKind` of its adapters. */
  backendKind: BackendKind;
  /** Zod schema of the kind-specific config fields (credentials and the like). */
  configSchema: ZodType<Omit<Config, keyof CommonBackendConfig>>;
  /** Config field names whose values are secrets (removed from anything shown). */
  secretFields: readonly string[];
  create(config: Config, deps: AdapterDeps): BackendAdapter;
}
