/**
 * A GraphQL `BackendKind` value (`WORKSPACE`): one per registered backend kind,
 * so the list lives in the registry (`backend-kinds/registry.ts`), not here.
 */
export type BackendKind = string;

/** GraphQL `Capability`: what a backend can do beyond listing and reading campaigns. */
export const CAPABILITIES = [
  'CAMPAIGN_CREATE',
  'CAMPAIGN_UPDATE',
  'CAMPAIGN_DELETE',
  'TOUCHPOINTS',
  'TOUCHPOINT_WRITE',
  'ENROLLMENT',
  'EXECUTE',
  'MESSAGES',
  'RESEND',
  'SEARCH',
  'SCHEDULING',
  'DELIVERY_STATS',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAMPAIGN_STATUSES = [
  'DRAFT',
  'SCHEDULED',
  'ACTIVE',
  'PAUSED',
  'COMPLETED',
  'FAILED',
  'ARCHIVED',
  'UNKNOWN',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP', 'VOICE', 'FAX', 'PUSH', 'TELEGRAM', 'ON_SITE'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TOUCHPOINT_TYPES = ['TRIGGER', 'MESSAGE', 'ACTION', 'CONDITION', 'DELAY'] as const;
export type TouchpointType = (typeof TOUCHPOINT_TYPES)[number];

export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const TRIGGER_TYPES = ['EVENT', 'SEGMENT_ENTRY', 'SEGMENT_EXIT', 'SCHEDULED', 'MANUAL'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const ENROLLMENT_OUTCOME_STATUSES = ['ENROLLED', 'ALREADY_ENROLLED', 'FAILED'] as const;
export type EnrollmentOutcomeStatus = (typeof ENROLLMENT_OUTCOME_STATUSES)[number];

export const CAMPAIGN_ORDER_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'NAME'] as const;
export type CampaignOrderField = (typeof CAMPAIGN_ORDER_FIELDS)[number];

export const ORDER_DIRECTIONS = ['ASC', 'DESC'] as const;
export type OrderDirection = (typeof ORDER_DIRECTIONS)[number];
