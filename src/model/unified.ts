import type {
  CampaignStatus,
  Channel,
  DeliveryStatus,
  EnrollmentOutcomeStatus,
  TouchpointType,
} from './enums.js';

/** A JSON object as a backend sent it (secrets removed). */
export type RawRecord = Record<string, unknown>;

/** Delivery counters; `null` where the backend does not count that state. */
export interface DeliveryStats {
  total: number | null;
  sent: number;
  delivered: number | null;
  failed: number | null;
  /** ISO 8601 UTC with milliseconds: when the backend last changed the counters (or when they were read). */
  updatedAt: string;
}

/** Campaign fields a backend's list answer may lack, so that reading one of them takes the full record. */
export type DetailField = 'description' | 'channels' | 'updatedAt' | 'scheduledAt' | 'touchpoints' | 'raw';

/** Every {@link DetailField}. */
export const DETAIL_FIELDS: ReadonlySet<DetailField> = new Set<DetailField>(['description', 'channels', 'updatedAt', 'scheduledAt', 'touchpoints', 'raw']);

/** One campaign in the unified model. Times are ISO 8601 UTC with milliseconds. */
export interface Campaign {
  /** The configured backend name. */
  backend: string;
  /** The backend's own id, as a string. */
  nativeId: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  /** The backend's own status word, untouched (null where it has none). */
  rawStatus: string | null;
  channels: Channel[];
  createdAt: string | null;
  updatedAt: string | null;
  scheduledAt: string | null;
  enrollmentCount: number | null;
  /** Counters carried by the campaign record itself, where the backend has them. */
  deliveryStats: DeliveryStats | null;
  /**
   * Touchpoints carried by the record itself (v2's message, a workspace campaign read
   * with its workflow); `undefined` when they need a separate read.
   */
  touchpoints?: Touchpoint[];
  raw: RawRecord;
  /**
   * Set on a campaign built from a list answer that lacks some fields (the
   * workspace list has no workflow): those fields. Their values here are only
   * what the list form tells; reading them takes the full record (`getCampaigns`).
   * Absent on a full record.
   */
  lacks?: ReadonlySet<DetailField>;
}

/** One step of a campaign: a message, an action, a condition, a delay or its trigger. */
export interface Touchpoint {
  backend: string;
  /** Native id of the campaign this touchpoint belongs to. */
  campaignNativeId: string;
  nativeId: string;
  name: string | null;
  type: TouchpointType;
  rawType: string | null;
  channel: Channel | null;
  message: unknown;
  position: number | null;
  createdAt: string | null;
  raw: RawRecord;
}

/** A contact enrolled in a campaign. */
export interface Enrollment {
  backend: string;
  campaignNativeId: string;
  contactId: string;
  params: string[] | null;
}

/** One message sent (or to be sent) to one recipient. */
export interface Message {
  backend: string;
  campaignNativeId: string;
  nativeId: string;
  recipient: string;
  status: DeliveryStatus;
  error: string | null;
  sentAt: string | null;
  updatedAt: string | null;
}

/** The outcome of enrolling one contact. */
export interface EnrollmentOutcome {
  contactId: string;
  status: EnrollmentOutcomeStatus;
  error: string | null;
}

/** What `enrollContacts` answers. */
export interface EnrollmentResult {
  enrolled: number;
  alreadyEnrolled: number;
  failed: number;
  results: EnrollmentOutcome[];
}

/** What `executeCampaign` answers. */
export interface ExecutionResult {
  executed: boolean;
  executionId: string | null;
}

/** What `validateTouchpoint` answers. */
export interface TouchpointValidation {
  valid: boolean;
  errors: string[];
}

/** Identifies a touchpoint or message inside its campaign. */
export interface ChildKey {
  campaignNativeId: string;
  nativeId: string;
}

/** A page request for a campaign's enrollments or messages. */
export interface PageRequest {
  first: number;
  /** The `next` of the previous page, or null for the first page. */
  after: string | null;
}

/** One page of a backend-local list, in the backend's own order. */
export interface Page<T> {
  items: T[];
  /** Opaque position after the last item, or null at the end. */
  next: string | null;
  /** Total number of items when the backend says it cheaply, else null. */
  totalCount: number | null;
}
