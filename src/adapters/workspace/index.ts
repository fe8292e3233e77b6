import type { AdapterFactory } from '../seam/adapter-factory.js';
import type { BackendAdapter } from '../seam/backend-adapter.js';
import { LocalEditLock } from '../edit-lock.js';
import { clientForBackend } from '../http/client-for-backend.js';
import type { Capability } from '../../model/enums.js';
import { getCampaigns, getTouchpoints, listAllCampaigns, listTouchpoints } from './campaign-reads.js';
import { createCampaign, deleteCampaign, enrollContacts, executeCampaign, updateCampaign } from './campaign-writes.js';
import type { WorkspaceApi } from './client.js';
import { WORKSPACE_SECRET_FIELDS, workspaceConfigSchema, type WorkspaceConfig } from './config.js';
import { createTouchpoint, deleteTouchpoint, updateTouchpoint, validateTouchpoint } from './touchpoint-writes.js';

export type { WorkspaceConfig } from './config.js';

/** What a workspace backend can do beyond reading campaigns. */
export const WORKSPACE_CAPABILITIES: readonly Capability[] = [
  'CAMPAIGN_CREATE',
  'CAMPAIGN_UPDATE',
  'CAMPAIGN_DELETE',
  'TOUCHPOINTS',
  'TOUCHPOINT_WRITE',
  'ENROLLMENT',
  'EXECUTE',
  'SCHEDULING',
  'DELIVERY_STATS',
];

/**
 * Adapters for the workspace REST API (`/work/shared/backends/workspace.md`):
 * campaigns with their workflow nodes as touchpoints, enrollment and execution.
 */
export const workspaceAdapter: AdapterFactory<WorkspaceConfig> = {
  kind: 'workspace',
  backendKind: 'WORKSPACE',
  configSchema: workspaceConfigSchema,
  secretFields: WORKSPACE_SECRET_FIELDS,
  create(config, deps): BackendAdapter {
    const http = clientForBackend(config, deps, { authorization: `Bearer ${config.sessionToken}` });
    const api: WorkspaceApi = { http, workspaceId: config.workspaceId };
    const writes = { api, lock: deps.editLock ?? new LocalEditLock() };
    return {
      name: config.name,
      kind: 'WORKSPACE',
      capabilities: new Set(WORKSPACE_CAPABILITIES),
      listCampaigns: (query, ctx) => listAllCampaigns(api, query, ctx),
      getCampaigns: (ids, ctx) => getCampaigns(api, ids, ctx),
      listTouchpoints: (ids, ctx) => listTouchpoints(api, ids, ctx),
      getTouchpoints: (keys, ctx) => getTouchpoints(api, keys, ctx),
      createCampaign: (input, ctx) => createCampaign(api, input, ctx),
      updateCampaign: (id, input, ctx) => updateCampaign(api, id, input, ctx),
      deleteCampaign: (id, ctx) => deleteCampaign(api, id, ctx),
      createTouchpoint: (campaignId, input, ctx) => createTouchpoint(writes, campaignId, input, ctx),
      updateTouchpoint: (key, input, ctx) => updateTouchpoint(writes, key, input, ctx),
      deleteTouchpoint: (key, ctx) => deleteTouchpoint(writes, key, ctx),
      validateTouchpoint: (key, ctx) => validateTouchpoint(api, key, ctx),
      enrollContacts: (id, contactIds, ctx) => enrollContacts(api, id, contactIds, ctx),
      executeCampaign: (id, input, ctx) => executeCampaign(api, id, input, ctx),
      close: () => http.close(),
    };
  },
};
