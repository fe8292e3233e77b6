import type { BackendAdapter } from '../seam/backend-adapter.js';
import type { AdapterDeps, AdapterFactory } from '../seam/adapter-factory.js';
import { LocalEditLock } from '../edit-lock.js';
import { getCampaigns, listCampaigns, readDeliveryStats } from './campaign-reads.js';
import { createCampaign, deleteCampaign, enrollContacts, executeCampaign, updateCampaign } from './campaign-writes.js';
import { connectWorkspace } from './client.js';
import { WORKSPACE_SECRET_FIELDS, workspaceConfigSchema, type WorkspaceConfig } from './config.js';
import { getTouchpoints, listTouchpoints, validateTouchpoint } from './touchpoint-reads.js';
import { createTouchpoint, deleteTouchpoint, updateTouchpoint } from './touchpoint-writes.js';

export type { WorkspaceConfig } from './config.js';

/**
 * The adapter of one workspace backend (`/work/shared/backends/workspace.md`):
 * campaigns with their workflow nodes as touchpoints (read and written), enrollment,
 * execution, and the count of messages sent. Touchpoint writes replace the whole
 * workflow under `deps.editLock` (default: in-process), so concurrent edits all survive.
 */
export function createWorkspaceAdapter(config: WorkspaceConfig, deps: AdapterDeps): BackendAdapter {
  const api = connectWorkspace(config, deps);
  const writes = { api, lock: deps.editLock ?? new LocalEditLock() };
  return {
    name: config.name,
    kind: 'WORKSPACE',
    listCampaigns: (query, ctx) => listCampaigns(api, query, ctx),
    getCampaigns: (ids, ctx) => getCampaigns(api, ids, ctx),
    close: () => api.http.close(),
    campaignCreate: { create: (input, ctx) => createCampaign(api, input, ctx) },
    campaignUpdate: { update: (id, input, ctx) => updateCampaign(api, id, input, ctx) },
    campaignDelete: { delete: (id, ctx) => deleteCampaign(api, id, ctx) },
    touchpoints: {
      list: (ids, ctx) => listTouchpoints(api, ids, ctx),
      get: (keys, ctx) => getTouchpoints(api, keys, ctx),
      validate: (key, ctx) => validateTouchpoint(api, key, ctx),
    },
    touchpointWrites: {
      create: (campaignId, input, ctx) => createTouchpoint(writes, campaignId, input, ctx),
      update: (key, input, ctx) => updateTouchpoint(writes, key, input, ctx),
      delete: (key, ctx) => deleteTouchpoint(writes, key, ctx),
    },
    enrollment: { enroll: (id, contactIds, ctx) => enrollContacts(api, id, contactIds, ctx) },
    execution: { execute: (id, input, ctx) => executeCampaign(api, id, input, ctx) },
    deliveryStats: { read: (id, ctx) => readDeliveryStats(api, id, ctx) },
    // `startAt` is when the workspace starts a campaign.
    behaviours: { scheduling: true },
  };
}

/** The `workspace` backend kind: the workspace automation platform's REST API, bearer session token. */
export const workspaceAdapter: AdapterFactory<WorkspaceConfig> = {
  kind: 'workspace',
  backendKind: 'WORKSPACE',
  configSchema: workspaceConfigSchema,
  secretFields: WORKSPACE_SECRET_FIELDS,
  create: (config, deps) => createWorkspaceAdapter(config, deps),
};
