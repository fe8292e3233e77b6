import type { AdapterDeps, AdapterFactory } from '../../../src/adapters/seam/adapter-factory.js';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { getCampaigns, listCampaigns, readDeliveryStats } from './campaign-reads.js';
import { createCampaign, deleteCampaign } from './campaign-writes.js';
import { connectBulletin } from './client.js';
import { BULLETIN_SECRET_FIELDS, bulletinConfigSchema, type BulletinConfig } from './config.js';

/**
 * The adapter of one notice-board account: bulletins as campaigns, which it can
 * post and take down (no edits) and whose reach it counts.
 */
export function createBulletinAdapter(config: BulletinConfig, deps: AdapterDeps): BackendAdapter {
  const api = connectBulletin(config, deps);
  return {
    name: config.name,
    kind: 'BULLETIN',
    listCampaigns: (query, ctx) => listCampaigns(api, query, ctx),
    getCampaigns: (ids, ctx) => getCampaigns(api, ids, ctx),
    close: () => api.http.close(),
    campaignCreate: { create: (input, ctx) => createCampaign(api, input, ctx) },
    campaignDelete: { delete: (id, ctx) => deleteCampaign(api, id, ctx) },
    deliveryStats: { read: (id, ctx) => readDeliveryStats(api, id, ctx) },
  };
}

/** The `bulletin` backend kind: a neighbourhood notice board. */
export const bulletinAdapter: AdapterFactory<BulletinConfig> = {
  kind: 'bulletin',
  backendKind: 'BULLETIN',
  configSchema: bulletinConfigSchema,
  secretFields: BULLETIN_SECRET_FIELDS,
  create: (config, deps) => createBulletinAdapter(config, deps),
};
