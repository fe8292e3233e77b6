import type { BackendAdapter } from '../seam/backend-adapter.js';
import type { AdapterDeps, AdapterFactory } from '../seam/adapter-factory.js';
import { getCampaigns, listCampaigns } from './campaign-reads.js';
import { createCampaign, deleteCampaign } from './campaign-writes.js';
import { connectTouchpoint, type TouchpointApiOptions } from './client.js';
import { TOUCHPOINT_SECRET_FIELDS, touchpointConfigSchema, type TouchpointConfig } from './config.js';
import { getTouchpoints, listTouchpoints, validateTouchpoint } from './touchpoint-reads.js';
import { createTouchpoint, deleteTouchpoint, updateTouchpoint } from './touchpoint-writes.js';

export type { TouchpointConfig } from './config.js';

/** Tuning of {@link createTouchpointAdapter} that is not part of the config file. */
export type TouchpointAdapterOptions = TouchpointApiOptions;

/**
 * The adapter of one touchpoint backend (`/v1` API, bearer token): campaigns on
 * one channel each, with native touchpoints (read, written, validated by the
 * backend). There is no endpoint that updates a campaign, hence no `campaignUpdate`.
 */
export function createTouchpointAdapter(config: TouchpointConfig, deps: AdapterDeps, options: TouchpointAdapterOptions = {}): BackendAdapter {
  const api = connectTouchpoint(config, deps, options);
  return {
    name: config.name,
    kind: 'TOUCHPOINT',
    listCampaigns: (query, ctx) => listCampaigns(api, query, ctx),
    getCampaigns: (ids, ctx) => getCampaigns(api, ids, ctx),
    close: () => api.http.close(),
    campaignCreate: { create: (input, ctx) => createCampaign(api, input, ctx) },
    campaignDelete: { delete: (id, ctx) => deleteCampaign(api, id, ctx) },
    touchpoints: {
      list: (ids, ctx, campaigns) => listTouchpoints(api, ids, ctx, campaigns),
      get: (keys, ctx) => getTouchpoints(api, keys, ctx),
      validate: (key, ctx) => validateTouchpoint(api, key, ctx),
    },
    touchpointWrites: {
      create: (campaignId, input, ctx) => createTouchpoint(api, campaignId, input, ctx),
      update: (key, input, ctx) => updateTouchpoint(api, key, input, ctx),
      delete: (key, ctx) => deleteTouchpoint(api, key, ctx),
    },
  };
}

/** The `touchpoint` backend kind: campaigns on one channel each, with native touchpoints. */
export const touchpointAdapter: AdapterFactory<TouchpointConfig> = {
  kind: 'touchpoint',
  backendKind: 'TOUCHPOINT',
  configSchema: touchpointConfigSchema,
  secretFields: TOUCHPOINT_SECRET_FIELDS,
  create: (config, deps) => createTouchpointAdapter(config, deps),
};
