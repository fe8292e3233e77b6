import { graphqlKindsOf } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY } from '../backend-kinds/registry.js';
import {
  CAMPAIGN_ORDER_FIELDS,
  CAMPAIGN_STATUSES,
  CAPABILITIES,
  CHANNELS,
  DELIVERY_STATUSES,
  ENROLLMENT_OUTCOME_STATUSES,
  ORDER_DIRECTIONS,
  TOUCHPOINT_TYPES,
  TRIGGER_TYPES,
} from '../model/enums.js';
import { builder } from './builder.js';

/** The registered kinds' values; a gateway with more kinds extends it (see `schemaFor`). */
export const BackendKindEnum = builder.enumType('BackendKind', { values: graphqlKindsOf(BACKEND_KIND_REGISTRY) });
export const CapabilityEnum = builder.enumType('Capability', { values: CAPABILITIES });
export const CampaignStatusEnum = builder.enumType('CampaignStatus', { values: CAMPAIGN_STATUSES });
export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
export const TouchpointTypeEnum = builder.enumType('TouchpointType', { values: TOUCHPOINT_TYPES });
export const DeliveryStatusEnum = builder.enumType('DeliveryStatus', { values: DELIVERY_STATUSES });
export const TriggerTypeEnum = builder.enumType('TriggerType', { values: TRIGGER_TYPES });
export const EnrollmentOutcomeStatusEnum = builder.enumType('EnrollmentOutcomeStatus', { values: ENROLLMENT_OUTCOME_STATUSES });
export const CampaignOrderFieldEnum = builder.enumType('CampaignOrderField', { values: CAMPAIGN_ORDER_FIELDS });
export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ORDER_DIRECTIONS });
