import type { AdapterDeps, AdapterFactory } from '../seam/adapter-factory.js';
import type { BackendAdapter } from '../seam/backend-adapter.js';
import { clientForBackend } from '../http/client-for-backend.js';
import type { Capability } from '../../model/enums.js';
import { createCampaign, deleteCampaign } from './campaign-writes.js';
import { getCampaign } from './client.js';
import { touchpointConfigSchema, type TouchpointConfig } from './config.js';
import { listCampaigns } from './list-campaigns.js';
import { toCampaign } from './to-unified.js';
import { asError, getTouchpoints, listTouchpoints } from './touchpoint-reads.js';
import { createTouchpoint, deleteTouchpoint, updateTouchpoint, validateTouchpoint } from './touchpoint-writes.js';

export type { TouchpointConfig } from './config.js';

/** Options of {@link createTouchpointAdapter} beyond the config. */
export interface TouchpointAdapterOptions {
  /** Records per native list page (`limit`), 1 to 100; default 100, the API's largest, for the fewest round trips. */
  pageSize?: number;
}

/** There is no endpoint that updates a campaign, hence no `CAMPAIGN_UPDATE`. */
const CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['CAMPAIGN_CREATE', 'CAMPAIGN_DELETE', 'TOUCHPOINTS', 'TOUCHPOINT_WRITE']);

/** Builds the adapter of one `touchpoint` backend (`/v1` API, bearer token). */
export function createTouchpointAdapter(config: TouchpointConfig, deps: AdapterDeps, options: TouchpointAdapterOptions = {}): BackendAdapter {
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
  const http = clientForBackend(config, deps, { authorization: `Bearer ${config.token}` });
  const reads = { http, logger: deps.logger, pageSize };
  return {
    name: config.name,
    kind: 'TOUCHPOINT',
    capabilities: CAPABILITIES,
    listCampaigns: (query, ctx) => listCampaigns(http, query, ctx, pageSize),
    getCampaigns: (ids, ctx) =>
      Promise.all(ids.map((id) => getCampaign(http, ctx, id).then((record) => record && toCampaign(record, config.name), asError))),
    listTouchpoints: (ids, ctx, campaigns) => listTouchpoints(reads, ids, ctx, campaigns),
    getTouchpoints: (keys, ctx) => getTouchpoints(http, keys, ctx),
    createCampaign: (input, ctx) => createCampaign(http, input, ctx),
    deleteCampaign: (id, ctx) => deleteCampaign(http, id, ctx),
    createTouchpoint: (campaignId, input, ctx) => createTouchpoint(http, campaignId, input, ctx),
    updateTouchpoint: (key, input, ctx) => updateTouchpoint(http, key, input, ctx),
    deleteTouchpoint: (key, ctx) => deleteTouchpoint(http, key, ctx),
    validateTouchpoint: (key, ctx) => validateTouchpoint(http, key, ctx),
    close: () => http.close(),
  };
}

/** The `touchpoint` backend kind: campaigns on one channel each, with native touchpoints. */
export const touchpointAdapter: AdapterFactory<TouchpointConfig> = {
  kind: 'touchpoint',
  backendKind: 'TOUCHPOINT',
  configSchema: touchpointConfigSchema,
  secretFields: ['token'],
  create: (config, deps) => createTouchpointAdapter(config, deps),
};
