import type { BackendAdapter } from '../seam/backend-adapter.js';
import type { AdapterDeps, AdapterFactory } from '../seam/adapter-factory.js';
import { getCampaigns, listCampaigns, listEnrollments, readDeliveryStats } from './campaign-reads.js';
import { createCampaign, deleteCampaign, updateCampaign } from './campaign-writes.js';
import { connectV2 } from './client.js';
import { V2_SECRET_FIELDS, v2ConfigSchema, type V2Config } from './config.js';
import { listMessages, resendMessage } from './messages.js';
import { getTouchpoints, listTouchpoints, validateTouchpoint } from './touchpoint-reads.js';

export type { V2Config } from './config.js';

/**
 * The adapter of one v2 backend (wire contract `v2.md`): WhatsApp template
 * broadcasts, each campaign's message as its one read-only touchpoint, its
 * recipients as enrollments (listable, not enrollable), its messages and four counters.
 */
export function createV2Adapter(config: V2Config, deps: AdapterDeps): BackendAdapter {
  const api = connectV2(config, deps);
  return {
    name: config.name,
    kind: 'V2',
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
    enrollmentList: { list: (id, page, ctx) => listEnrollments(api, id, page, ctx) },
    messages: { list: (id, page, ctx) => listMessages(api, id, page, ctx) },
    resend: { resend: (key, ctx) => resendMessage(api, key, ctx) },
    deliveryStats: { read: (id, ctx) => readDeliveryStats(api, id, ctx) },
    // `SendAt` is when v2 sends the broadcast.
    behaviours: { scheduling: true },
  };
}

/** The `v2` backend kind: the X-API-Key WhatsApp template broadcaster. */
export const v2Adapter: AdapterFactory<V2Config> = {
  kind: 'v2',
  backendKind: 'V2',
  configSchema: v2ConfigSchema,
  secretFields: V2_SECRET_FIELDS,
  create: (config, deps) => createV2Adapter(config, deps),
};
