/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment CampaignRecord on Campaign {\n  id\n  name\n  status\n  channels\n  createdAt\n  updatedAt\n  backend {\n    name\n  }\n}\n\nquery ListCampaigns($first: Int!, $after: String, $filter: CampaignFilter) {\n  campaigns(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...CampaignRecord\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery GetCampaign($id: ID!) {\n  campaign(id: $id) {\n    ...CampaignRecord\n  }\n}\n\nmutation CreateCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...CampaignRecord\n  }\n}\n\nmutation DeleteCampaign($id: ID!) {\n  deleteCampaign(id: $id)\n}": typeof types.CampaignRecordFragmentDoc,
    "subscription WatchDeliveryStats($campaignId: ID!) {\n  deliveryStats(campaignId: $campaignId) {\n    total\n    sent\n    delivered\n    failed\n    updatedAt\n    stale\n    done\n  }\n}": typeof types.WatchDeliveryStatsDocument,
    "fragment TouchpointRecord on Touchpoint {\n  id\n  name\n  type\n  campaignId\n  createdAt\n  message\n  position\n  backend {\n    name\n  }\n}\n\nquery ListTouchpoints($campaignId: ID!) {\n  campaign(id: $campaignId) {\n    id\n    backend {\n      name\n    }\n    touchpoints {\n      ...TouchpointRecord\n    }\n  }\n}\n\nquery GetTouchpoint($id: ID!) {\n  touchpoint(id: $id) {\n    ...TouchpointRecord\n  }\n}\n\nmutation CreateTouchpoint($input: CreateTouchpointInput!) {\n  createTouchpoint(input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation UpdateTouchpoint($id: ID!, $input: UpdateTouchpointInput!) {\n  updateTouchpoint(id: $id, input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation DeleteTouchpoint($id: ID!) {\n  deleteTouchpoint(id: $id)\n}\n\nmutation ValidateTouchpoint($id: ID!) {\n  validateTouchpoint(id: $id) {\n    valid\n    errors\n  }\n}": typeof types.TouchpointRecordFragmentDoc,
};
const documents: Documents = {
    "fragment CampaignRecord on Campaign {\n  id\n  name\n  status\n  channels\n  createdAt\n  updatedAt\n  backend {\n    name\n  }\n}\n\nquery ListCampaigns($first: Int!, $after: String, $filter: CampaignFilter) {\n  campaigns(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...CampaignRecord\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery GetCampaign($id: ID!) {\n  campaign(id: $id) {\n    ...CampaignRecord\n  }\n}\n\nmutation CreateCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...CampaignRecord\n  }\n}\n\nmutation DeleteCampaign($id: ID!) {\n  deleteCampaign(id: $id)\n}": types.CampaignRecordFragmentDoc,
    "subscription WatchDeliveryStats($campaignId: ID!) {\n  deliveryStats(campaignId: $campaignId) {\n    total\n    sent\n    delivered\n    failed\n    updatedAt\n    stale\n    done\n  }\n}": types.WatchDeliveryStatsDocument,
    "fragment TouchpointRecord on Touchpoint {\n  id\n  name\n  type\n  campaignId\n  createdAt\n  message\n  position\n  backend {\n    name\n  }\n}\n\nquery ListTouchpoints($campaignId: ID!) {\n  campaign(id: $campaignId) {\n    id\n    backend {\n      name\n    }\n    touchpoints {\n      ...TouchpointRecord\n    }\n  }\n}\n\nquery GetTouchpoint($id: ID!) {\n  touchpoint(id: $id) {\n    ...TouchpointRecord\n  }\n}\n\nmutation CreateTouchpoint($input: CreateTouchpointInput!) {\n  createTouchpoint(input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation UpdateTouchpoint($id: ID!, $input: UpdateTouchpointInput!) {\n  updateTouchpoint(id: $id, input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation DeleteTouchpoint($id: ID!) {\n  deleteTouchpoint(id: $id)\n}\n\nmutation ValidateTouchpoint($id: ID!) {\n  validateTouchpoint(id: $id) {\n    valid\n    errors\n  }\n}": types.TouchpointRecordFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CampaignRecord on Campaign {\n  id\n  name\n  status\n  channels\n  createdAt\n  updatedAt\n  backend {\n    name\n  }\n}\n\nquery ListCampaigns($first: Int!, $after: String, $filter: CampaignFilter) {\n  campaigns(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...CampaignRecord\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery GetCampaign($id: ID!) {\n  campaign(id: $id) {\n    ...CampaignRecord\n  }\n}\n\nmutation CreateCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...CampaignRecord\n  }\n}\n\nmutation DeleteCampaign($id: ID!) {\n  deleteCampaign(id: $id)\n}"): (typeof documents)["fragment CampaignRecord on Campaign {\n  id\n  name\n  status\n  channels\n  createdAt\n  updatedAt\n  backend {\n    name\n  }\n}\n\nquery ListCampaigns($first: Int!, $after: String, $filter: CampaignFilter) {\n  campaigns(first: $first, after: $after, filter: $filter) {\n    nodes {\n      ...CampaignRecord\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery GetCampaign($id: ID!) {\n  campaign(id: $id) {\n    ...CampaignRecord\n  }\n}\n\nmutation CreateCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...CampaignRecord\n  }\n}\n\nmutation DeleteCampaign($id: ID!) {\n  deleteCampaign(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WatchDeliveryStats($campaignId: ID!) {\n  deliveryStats(campaignId: $campaignId) {\n    total\n    sent\n    delivered\n    failed\n    updatedAt\n    stale\n    done\n  }\n}"): (typeof documents)["subscription WatchDeliveryStats($campaignId: ID!) {\n  deliveryStats(campaignId: $campaignId) {\n    total\n    sent\n    delivered\n    failed\n    updatedAt\n    stale\n    done\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TouchpointRecord on Touchpoint {\n  id\n  name\n  type\n  campaignId\n  createdAt\n  message\n  position\n  backend {\n    name\n  }\n}\n\nquery ListTouchpoints($campaignId: ID!) {\n  campaign(id: $campaignId) {\n    id\n    backend {\n      name\n    }\n    touchpoints {\n      ...TouchpointRecord\n    }\n  }\n}\n\nquery GetTouchpoint($id: ID!) {\n  touchpoint(id: $id) {\n    ...TouchpointRecord\n  }\n}\n\nmutation CreateTouchpoint($input: CreateTouchpointInput!) {\n  createTouchpoint(input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation UpdateTouchpoint($id: ID!, $input: UpdateTouchpointInput!) {\n  updateTouchpoint(id: $id, input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation DeleteTouchpoint($id: ID!) {\n  deleteTouchpoint(id: $id)\n}\n\nmutation ValidateTouchpoint($id: ID!) {\n  validateTouchpoint(id: $id) {\n    valid\n    errors\n  }\n}"): (typeof documents)["fragment TouchpointRecord on Touchpoint {\n  id\n  name\n  type\n  campaignId\n  createdAt\n  message\n  position\n  backend {\n    name\n  }\n}\n\nquery ListTouchpoints($campaignId: ID!) {\n  campaign(id: $campaignId) {\n    id\n    backend {\n      name\n    }\n    touchpoints {\n      ...TouchpointRecord\n    }\n  }\n}\n\nquery GetTouchpoint($id: ID!) {\n  touchpoint(id: $id) {\n    ...TouchpointRecord\n  }\n}\n\nmutation CreateTouchpoint($input: CreateTouchpointInput!) {\n  createTouchpoint(input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation UpdateTouchpoint($id: ID!, $input: UpdateTouchpointInput!) {\n  updateTouchpoint(id: $id, input: $input) {\n    ...TouchpointRecord\n  }\n}\n\nmutation DeleteTouchpoint($id: ID!) {\n  deleteTouchpoint(id: $id)\n}\n\nmutation ValidateTouchpoint($id: ID!) {\n  validateTouchpoint(id: $id) {\n    valid\n    errors\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;