/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CampaignFilter = {
  /** Backend names; all when absent. */
  backends?: Array<string> | null | undefined;
  /** Campaigns having any of these channels. */
  channels?: Array<Channel> | null | undefined;
  /** Exclusive lower bound. */
  createdAfter?: string | null | undefined;
  /** Exclusive upper bound. */
  createdBefore?: string | null | undefined;
  /** Case-insensitive substring of the name. */
  nameContains?: string | null | undefined;
  status?: Array<CampaignStatus> | null | undefined;
};

export type CampaignStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'FAILED'
  | 'PAUSED'
  | 'SCHEDULED'
  | 'UNKNOWN';

export type Channel =
  | 'EMAIL'
  | 'FAX'
  | 'ON_SITE'
  | 'PUSH'
  | 'SMS'
  | 'TELEGRAM'
  | 'VOICE'
  | 'WHATSAPP';

export type CreateCampaignInput = {
  /** The name of the backend that will hold the campaign. */
  backend: string;
  /** touchpoint: exactly one of WHATSAPP EMAIL SMS; schemaType: the useFor* flags */
  channels?: Array<Channel> | null | undefined;
  description?: string | null | undefined;
  endsAt?: string | null | undefined;
  /** v2 message text (a string) */
  message?: unknown;
  name: string;
  /** v2 JSON payload */
  payload?: string | null | undefined;
  /** v2 clients */
  recipients?: Array<RecipientInput> | null | undefined;
  /** v2 SendAt, workspace startAt */
  scheduledAt?: string | null | undefined;
  /** schemaType senders */
  senders?: SendersInput | null | undefined;
  /** workspace settings */
  settings?: unknown;
  /** v2 TempMsgID */
  templateId?: string | null | undefined;
  /** workspace AUTOMATED|BROADCAST|TRANSACTIONAL, schemaType DEFAULT|PERSONAL */
  type?: string | null | undefined;
  /** schemaType */
  workflowId?: string | null | undefined;
};

export type CreateTouchpointInput = {
  campaignId: string | number;
  channel?: Channel | null | undefined;
  /** Backend-specific settings (workspace node config) */
  config?: unknown;
  message?: unknown;
  name: string;
  /** The backend's own type where the unified one is ambiguous (workspace SET_FIELD, LONG_DELAY, …) */
  rawType?: string | null | undefined;
  type: TouchpointType;
};

export type RecipientInput = {
  contactId: string;
  params?: Array<string> | null | undefined;
};

export type SendersInput = {
  callerId?: string | null | undefined;
  emailFrom?: string | null | undefined;
  smsFrom?: string | null | undefined;
};

export type TouchpointType =
  | 'ACTION'
  | 'CONDITION'
  | 'DELAY'
  | 'MESSAGE'
  | 'TRIGGER';

export type UpdateTouchpointInput = {
  config?: unknown;
  message?: unknown;
  name?: string | null | undefined;
  position?: number | null | undefined;
};

export type CampaignRecordFragment = { id: string, name: string, status: CampaignStatus, channels: Array<Channel>, createdAt: string | null, updatedAt: string | null, backend: { name: string } };

export type ListCampaignsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: CampaignFilter | null | undefined;
}>;


export type ListCampaignsQuery = { campaigns: { nodes: Array<{ id: string, name: string, status: CampaignStatus, channels: Array<Channel>, createdAt: string | null, updatedAt: string | null, backend: { name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GetCampaignQueryVariables = Exact<{
  id: string | number;
}>;


export type GetCampaignQuery = { campaign: { id: string, name: string, status: CampaignStatus, channels: Array<Channel>, createdAt: string | null, updatedAt: string | null, backend: { name: string } } | null };

export type CreateCampaignMutationVariables = Exact<{
  input: CreateCampaignInput;
}>;


export type CreateCampaignMutation = { createCampaign: { id: string, name: string, status: CampaignStatus, channels: Array<Channel>, createdAt: string | null, updatedAt: string | null, backend: { name: string } } };

export type DeleteCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCampaignMutation = { deleteCampaign: string };

export type WatchDeliveryStatsSubscriptionVariables = Exact<{
  campaignId: string | number;
}>;


export type WatchDeliveryStatsSubscription = { deliveryStats: { total: number | null, sent: number, delivered: number | null, failed: number | null, updatedAt: string, stale: boolean, done: boolean } };

export type TouchpointRecordFragment = { id: string, name: string | null, type: TouchpointType, campaignId: string, createdAt: string | null, message: unknown, position: number | null, backend: { name: string } };

export type ListTouchpointsQueryVariables = Exact<{
  campaignId: string | number;
}>;


export type ListTouchpointsQuery = { campaign: { id: string, backend: { name: string }, touchpoints: Array<{ id: string, name: string | null, type: TouchpointType, campaignId: string, createdAt: string | null, message: unknown, position: number | null, backend: { name: string } }> | null } | null };

export type GetTouchpointQueryVariables = Exact<{
  id: string | number;
}>;


export type GetTouchpointQuery = { touchpoint: { id: string, name: string | null, type: TouchpointType, campaignId: string, createdAt: string | null, message: unknown, position: number | null, backend: { name: string } } | null };

export type CreateTouchpointMutationVariables = Exact<{
  input: CreateTouchpointInput;
}>;


export type CreateTouchpointMutation = { createTouchpoint: { id: string, name: string | null, type: TouchpointType, campaignId: string, createdAt: string | null, message: unknown, position: number | null, backend: { name: string } } };

export type UpdateTouchpointMutationVariables = Exact<{
  id: string | number;
  input: UpdateTouchpointInput;
}>;


export type UpdateTouchpointMutation = { updateTouchpoint: { id: string, name: string | null, type: TouchpointType, campaignId: string, createdAt: string | null, message: unknown, position: number | null, backend: { name: string } } };

export type DeleteTouchpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTouchpointMutation = { deleteTouchpoint: string };

export type ValidateTouchpointMutationVariables = Exact<{
  id: string | number;
}>;


export type ValidateTouchpointMutation = { validateTouchpoint: { valid: boolean, errors: Array<string> } };

export const CampaignRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CampaignRecordFragment, unknown>;
export const TouchpointRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TouchpointRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Touchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TouchpointRecordFragment, unknown>;
export const ListCampaignsDocument = {"__meta__":{"hash":"sha256:ca1d15010ecd61f624385d7e6dad85416c0849ea64825d6727adcfe16e7c8cec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListCampaigns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CampaignFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CampaignRecord"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ListCampaignsQuery, ListCampaignsQueryVariables>;
export const GetCampaignDocument = {"__meta__":{"hash":"sha256:0ce517e8ab971cb3473497bac61037061c9fce40ef9b5b53deec4c4295901c9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CampaignRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GetCampaignQuery, GetCampaignQueryVariables>;
export const CreateCampaignDocument = {"__meta__":{"hash":"sha256:23f773b9ae7e7ad4630232cc08d47e9beb50d6027aad84e35e64ade85d96aaed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CampaignRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateCampaignMutation, CreateCampaignMutationVariables>;
export const DeleteCampaignDocument = {"__meta__":{"hash":"sha256:1f95990c41c268baa0fe9e098272cab78bf873f99262fc6023adf063fe5be5bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteCampaignMutation, DeleteCampaignMutationVariables>;
export const WatchDeliveryStatsDocument = {"__meta__":{"hash":"sha256:1c879893cd739abbb73a201cee9127678a6400c90f93a6ea3635771ed1f2014d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WatchDeliveryStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"campaignId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}}]}}]} as unknown as DocumentNode<WatchDeliveryStatsSubscription, WatchDeliveryStatsSubscriptionVariables>;
export const ListTouchpointsDocument = {"__meta__":{"hash":"sha256:b5b4045f17203b968baf85b5db4553f5c8b6c8f9af0ec0c8a0ac57c58a47c7ab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListTouchpoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"touchpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TouchpointRecord"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TouchpointRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Touchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ListTouchpointsQuery, ListTouchpointsQueryVariables>;
export const GetTouchpointDocument = {"__meta__":{"hash":"sha256:5ba1ceec58704236b9fb2533a2d607327931f2bda83e35bbbace1f809104c137"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetTouchpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"touchpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TouchpointRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TouchpointRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Touchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GetTouchpointQuery, GetTouchpointQueryVariables>;
export const CreateTouchpointDocument = {"__meta__":{"hash":"sha256:5c584102a653ba5667b614b76fb41b6cd21d4d2970aa1f93541749246d3d804d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTouchpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTouchpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTouchpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TouchpointRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TouchpointRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Touchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateTouchpointMutation, CreateTouchpointMutationVariables>;
export const UpdateTouchpointDocument = {"__meta__":{"hash":"sha256:1f7ca3ee0775a5c6fbbbf1bab3f21b661924cf40e67e99a0a756cac6b1fc4363"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTouchpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTouchpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTouchpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TouchpointRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TouchpointRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Touchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"backend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateTouchpointMutation, UpdateTouchpointMutationVariables>;
export const DeleteTouchpointDocument = {"__meta__":{"hash":"sha256:821972525b440d223128addbc50b9086732a88a729b62954640993116906fec1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTouchpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTouchpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteTouchpointMutation, DeleteTouchpointMutationVariables>;
export const ValidateTouchpointDocument = {"__meta__":{"hash":"sha256:2e11f3b163d8741dbcadac6a92d8c727e0d05cd674f3144cfc0b85cc85916766"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ValidateTouchpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateTouchpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}}]}}]}}]} as unknown as DocumentNode<ValidateTouchpointMutation, ValidateTouchpointMutationVariables>;