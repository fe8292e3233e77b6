import type { Scope } from '../../../src/config/config-schema.js';
import { campaignGlobalId, encodeGlobalId, touchpointGlobalId } from '../../../src/model/global-id.js';
import { NAME_OF_KIND } from '../../support/backend-kinds.js';

/** One gateway key per scope (config keys need at least 16 characters). */
export const KEYS = {
  read: 'key-read-0123456789abcdef',
  write: 'key-write-0123456789abcdef',
  delete: 'key-delete-0123456789abcdef',
  admin: 'key-admin-0123456789abcdef',
} as const;

export type KeyName = keyof typeof KEYS;

/** The `auth` part of a gateway config with the four keys. */
export const AUTH_CONFIG = {
  auth: {
    apiKeys: (Object.keys(KEYS) as KeyName[]).map((name) => ({ key: KEYS[name], scopes: [`campaigns:${name}`] })),
  },
};

/** A root field probed for its scope. */
export interface ScopedOperation {
  field: string;
  type: 'query' | 'mutation' | 'subscription';
  scope: Scope;
  query: string;
  variables?: Record<string, unknown>;
  /**
   * What the operation answers once past the scope check: null for data
   * without errors, else the error code. Writes aim at records that do not
   * exist, so that passing the check is visible (the resolver ran and asked
   * the backend) without changing any backend's data.
   */
  whenAllowed: string | null;
}

/** The workspace backend has every write a probe needs; the v2 one has messages and counters. */
const workspace = NAME_OF_KIND.workspace;
const v2 = NAME_OF_KIND.v2;
const missingCampaign = campaignGlobalId({ backend: workspace, nativeId: 'cmp_does_not_exist' });
const missingTouchpoint = touchpointGlobalId({ backend: workspace, campaignNativeId: 'cmp_does_not_exist', nativeId: 'node_missing' });
const missingMessage = encodeGlobalId('Message', [v2, '999999', '1']);
/** A seeded v2 campaign: v2 keeps delivery counters. */
const countedCampaign = campaignGlobalId({ backend: v2, nativeId: '383' });

/** Every Query, Mutation and Subscription root field, with the scope CONTRACT.md gives it. */
export const SCOPED_OPERATIONS: ScopedOperation[] = [
  { field: 'campaigns', type: 'query', scope: 'campaigns:read', query: '{ campaigns(first: 1) { totalCount nodes { id } } }', whenAllowed: null },
  { field: 'campaign', type: 'query', scope: 'campaigns:read', query: 'query ($id: ID!) { campaign(id: $id) { id } }', variables: { id: missingCampaign }, whenAllowed: null },
  { field: 'node', type: 'query', scope: 'campaigns:read', query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: missingCampaign }, whenAllowed: null },
  { field: 'nodes', type: 'query', scope: 'campaigns:read', query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [missingCampaign] }, whenAllowed: null },
  { field: 'touchpoint', type: 'query', scope: 'campaigns:read', query: 'query ($id: ID!) { touchpoint(id: $id) { id } }', variables: { id: missingTouchpoint }, whenAllowed: null },
  { field: 'backends', type: 'query', scope: 'campaigns:read', query: '{ backends { name } }', whenAllowed: null },
  {
    field: 'deliveryStats',
    type: 'subscription',
    scope: 'campaigns:read',
    query: 'subscription ($id: ID!) { deliveryStats(campaignId: $id) { sent } }',
    variables: { id: countedCampaign },
    whenAllowed: null,
  },
  {
    field: 'createCampaign',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation { createCampaign(input: { backend: "no-such-backend", name: "Probe" }) { id } }',
    whenAllowed: 'BAD_USER_INPUT',
  },
  {
    field: 'updateCampaign',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation ($id: ID!) { updateCampaign(id: $id, input: { name: "Probe" }) { id } }',
    variables: { id: missingCampaign },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'createTouchpoint',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation ($id: ID!) { createTouchpoint(input: { campaignId: $id, name: "Probe", type: MESSAGE, channel: EMAIL, message: "hi" }) { id } }',
    variables: { id: missingCampaign },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'updateTouchpoint',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation ($id: ID!) { updateTouchpoint(id: $id, input: { name: "Probe" }) { id } }',
    variables: { id: missingTouchpoint },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'validateTouchpoint',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation ($id: ID!) { validateTouchpoint(id: $id) { valid } }',
    variables: { id: missingTouchpoint },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'enrollContacts',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation ($id: ID!) { enrollContacts(campaignId: $id, contactIds: ["ct_1"]) { enrolled } }',
    variables: { id: missingCampaign },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'executeCampaign',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation ($id: ID!) { executeCampaign(campaignId: $id, input: { contactId: "ct_1" }) { executed } }',
    variables: { id: missingCampaign },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'resendMessage',
    type: 'mutation',
    scope: 'campaigns:write',
    query: 'mutation ($id: ID!) { resendMessage(id: $id) { id } }',
    variables: { id: missingMessage },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'deleteTouchpoint',
    type: 'mutation',
    scope: 'campaigns:delete',
    query: 'mutation ($id: ID!) { deleteTouchpoint(id: $id) }',
    variables: { id: missingTouchpoint },
    whenAllowed: 'NOT_FOUND',
  },
  {
    field: 'deleteCampaign',
    type: 'mutation',
    scope: 'campaigns:delete',
    query: 'mutation ($id: ID!) { deleteCampaign(id: $id) }',
    variables: { id: missingCampaign },
    whenAllowed: 'NOT_FOUND',
  },
];

/** Whether a key of that name may run the operation: its own scope, or admin. */
export function mayRun(key: KeyName, operation: ScopedOperation): boolean {
  return key === 'admin' || operation.scope === `campaigns:${key}`;
}
