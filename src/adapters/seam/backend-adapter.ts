import type { BackendKind, Capability } from '../../model/enums.js';
import type {
  Campaign,
  ChildKey,
  EnrollmentResult,
  Enrollment,
  ExecutionResult,
  Message,
  Page,
  PageRequest,
  Touchpoint,
  TouchpointValidation,
} from '../../model/unified.js';
import type { CreateCampaignInput, CreateTouchpointInput, ExecuteCampaignInput, UpdateCampaignInput, UpdateTouchpointInput } from '../../model/write-inputs.js';
import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult } from './campaign-list.js';

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
