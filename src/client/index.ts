/**
 * `campaign-gateway/client`: a typed client of the gateway whose
 * `client.campaign` is the campaign SDK's surface, over every backend. It
 * needs only `fetch` (Node 20+ or a browser).
 */
export { createClient, type CampaignGatewayClient, type ClientOptions } from './create-client.js';
export type { CampaignApi } from './campaign-api.js';
export { CampaignGatewayError, type CampaignGatewayErrorCode, type CampaignGatewayErrorDetails } from './campaign-gateway-error.js';
export type {
  Campaign,
  CampaignPage,
  CampaignStatusName,
  ChannelName,
  CreateCampaignParams,
  CreateTouchpointParams,
  DeliveryStats,
  ListCampaignsParams,
  Touchpoint,
  TouchpointTypeName,
  TouchpointValidation,
  UpdateTouchpointParams,
} from './records.js';
export type { SubscribeOptions } from './sse-subscription.js';
// The typed documents of every operation the client uses, for `client.request`.
export * from './generated/graphql.js';
