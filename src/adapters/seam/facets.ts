import type { CampaignStatus } from '../../model/enums.js';
import type {
  Campaign,
  ChildKey,
  DeliveryStats,
  Enrollment,
  EnrollmentResult,
  ExecutionResult,
  Message,
  Page,
  PageRequest,
  Touchpoint,
  TouchpointValidation,
} from '../../model/unified.js';
import type { CreateCampaignInput, CreateTouchpointInput, ExecuteCampaignInput, UpdateCampaignInput, UpdateTouchpointInput } from '../../model/write-inputs.js';
import type { CallContext } from '../http/call-context.js';

/**
 * The optional parts of a backend, each a small interface. A backend has a
 * facet or not, and having it is the capability (`capabilities.ts`): nothing
 * else declares what a backend can do. Batch methods answer in the order and
 * length of their keys, `null` for a key that does not exist and an `Error`
 * for one that failed. Writes are sent once, never retried; an input a
 * backend cannot hold is `BAD_USER_INPUT` naming the field, before anything is sent.
 */

/** Creating campaigns (`CAMPAIGN_CREATE`). */
export interface CampaignCreateFacet {
  create(input: CreateCampaignInput, ctx: CallContext): Promise<Campaign>;
}

/** Changing campaigns (`CAMPAIGN_UPDATE`); an input that changes nothing is `BAD_USER_INPUT` and sends nothing. */
export interface CampaignUpdateFacet {
  update(nativeId: string, input: UpdateCampaignInput, ctx: CallContext): Promise<Campaign>;
}

/** Deleting campaigns (`CAMPAIGN_DELETE`); `NOT_FOUND` for one that does not exist. */
export interface CampaignDeleteFacet {
  delete(nativeId: string, ctx: CallContext): Promise<void>;
}

/** Reading touchpoints, and checking one against its rules (`TOUCHPOINTS`). */
export interface TouchpointsFacet {
  /**
   * The touchpoints of each campaign in position order; null for an unknown
   * campaign. `campaigns`, in the order of the ids, holds the campaigns the
   * caller already read (undefined where it has none), so they need not be read again.
   */
  list(campaignNativeIds: readonly string[], ctx: CallContext, campaigns?: readonly (Campaign | undefined)[]): Promise<(Touchpoint[] | null | Error)[]>;
  /** Touchpoints by key; null for an unknown one (or one of another campaign than the key says). */
  get(keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]>;
  /** The backend's own check of a touchpoint where it has one, else the touchpoint API's rules; `NOT_FOUND` for an unknown one. */
  validate(key: ChildKey, ctx: CallContext): Promise<TouchpointValidation>;
}

/** Creating, changing and deleting touchpoints (`TOUCHPOINT_WRITE`). */
export interface TouchpointWritesFacet {
  /** Appends a touchpoint to a campaign. */
  create(campaignNativeId: string, input: CreateTouchpointInput, ctx: CallContext): Promise<Touchpoint>;
  update(key: ChildKey, input: UpdateTouchpointInput, ctx: CallContext): Promise<Touchpoint>;
  delete(key: ChildKey, ctx: CallContext): Promise<void>;
}

/** Enrolling contacts into a campaign (`ENROLLMENT`). */
export interface EnrollmentFacet {
  enroll(campaignNativeId: string, contactIds: readonly string[], ctx: CallContext): Promise<EnrollmentResult>;
}

/**
 * Listing a campaign's enrollments (`Campaign.enrollments`). No capability of
 * the contract names it: a backend may list who is enrolled without being able
 * to enroll anyone (v2 lists a broadcast's recipients).
 */
export interface EnrollmentListFacet {
  /** A page of a campaign's enrollments; null for an unknown campaign. */
  list(campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Enrollment> | null>;
}

/** Running a campaign for a contact or processing a trigger (`EXECUTE`). */
export interface ExecutionFacet {
  execute(campaignNativeId: string, input: ExecuteCampaignInput, ctx: CallContext): Promise<ExecutionResult>;
}

/** Listing a campaign's messages (`MESSAGES`). */
export interface MessagesFacet {
  /** A page of a campaign's messages; null for an unknown campaign. */
  list(campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Message> | null>;
}

/** Sending a message again (`RESEND`). */
export interface ResendFacet {
  resend(key: ChildKey, ctx: CallContext): Promise<Message>;
}

/** A campaign's delivery counters as the backend holds them now, with its status. */
export interface DeliveryReading {
  stats: DeliveryStats;
  /** Whether the counters can still move follows from it (`COMPLETED`, `FAILED`, `ARCHIVED`: they cannot). */
  status: CampaignStatus;
}

/** Reading a campaign's delivery counters (`DELIVERY_STATS`), which the live subscription polls. */
export interface DeliveryStatsFacet {
  /** The counters now (never from a memo or a read already in flight); null for an unknown campaign. */
  read(campaignNativeId: string, ctx: CallContext): Promise<DeliveryReading | null>;
}

/** Every facet a backend may have, by name. */
export interface BackendFacets {
  readonly campaignCreate?: CampaignCreateFacet;
  readonly campaignUpdate?: CampaignUpdateFacet;
  readonly campaignDelete?: CampaignDeleteFacet;
  readonly touchpoints?: TouchpointsFacet;
  readonly touchpointWrites?: TouchpointWritesFacet;
  readonly enrollment?: EnrollmentFacet;
  readonly enrollmentList?: EnrollmentListFacet;
  readonly execution?: ExecutionFacet;
  readonly messages?: MessagesFacet;
  readonly resend?: ResendFacet;
  readonly deliveryStats?: DeliveryStatsFacet;
}

/** The name of a facet (`touchpointWrites`). */
export type FacetName = keyof BackendFacets;
