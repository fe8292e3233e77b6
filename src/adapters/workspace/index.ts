import type { AdapterFactory, BackendAdapter } from '../adapter.js';
import { BackendHttpClient } from '../http/backend-client.js';
import type { Capability } from '../../model/enums.js';
import { getCampaigns, getTouchpoints, listAllCampaigns, listTouchpoints } from './campaign-reads.js';
import type { WorkspaceApi } from './client.js';
import { WORKSPACE_SECRET_FIELDS, workspaceConfigSchema, type WorkspaceConfig } from './config.js';

export type { WorkspaceConfig } from './config.js';

/** What a workspace backend can do beyond reading campaigns. */
export const WORKSPACE_CAPABILITIES: readonly Capability[] = [
  'TOUCHPOINTS',
  'SCHEDULING',
  'DELIVERY_STATS',
];

/**
 * Adapters for the workspace REST API (`/work/shared/backends/workspace.md`):
 * campaigns with their workflow nodes as touchpoints.
 */
export const workspaceAdapter: AdapterFactory<WorkspaceConfig> = {
  kind: 'workspace',
  backendKind: 'WORKSPACE',
  configSchema: workspaceConfigSchema,
  secretFields: WORKSPACE_SECRET_FIELDS,
  create(config, deps): BackendAdapter {
    const http = new BackendHttpClient({
      backend: config.name,
      baseUrl: config.baseUrl,
      headers: { authorization: `Bearer ${config.sessionToken}` },
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      maxConnections: config.maxConnections,
      logger: deps.logger,
    });
    const api: WorkspaceApi = { http, workspaceId: config.workspaceId };
    return {
      name: config.name,
      kind: 'WORKSPACE',
      capabilities: new Set(WORKSPACE_CAPABILITIES),
      listCampaigns: (query, ctx) => listAllCampaigns(api, query, ctx),
      getCampaigns: (ids, ctx) => getCampaigns(api, ids, ctx),
      listTouchpoints: (ids, ctx) => listTouchpoints(api, ids, ctx),
      getTouchpoints: (keys, ctx) => getTouchpoints(api, keys, ctx),
      close: () => http.close(),
    };
  },
};
