import { dataloaderGetter } from '@pothos/plugin-dataloader';
import { loadCampaigns, loadTouchpoints, loadTouchpointsOfCampaigns, type TouchpointsOfCampaignKey } from '../gateway/batch-by-backend.js';
import type { Campaign, Touchpoint } from '../model/unified.js';
import type { GatewayContext } from '../server/context.js';
import { builder, nodeKey, parseNodeKey } from './builder.js';

/**
 * The node types read through per-request DataLoaders (`@pothos/plugin-dataloader`):
 * each ref carries its loader, made for a request on first use and cleared with
 * `clearAllDataLoaders(ctx)` after a write. A node key is the JSON array of the
 * key parts its global id encodes (`nodeKey`); `node(id)` and `nodes(ids)` load
 * through the same loader, so one request reads a record once. The types' fields
 * are in `campaign.ts` and `touchpoint.ts`.
 */

/** `Campaign`, loaded by `["backend", "nativeId"]`: one `getCampaigns` per backend and tick. */
export const CampaignRef = builder.loadableNodeRef<Campaign | null, string, string, string, Campaign>('Campaign', {
  id: { resolve: (c) => nodeKey(c.backend, c.nativeId) },
  load: (keys, ctx: GatewayContext) =>
    loadCampaigns(
      ctx.backends,
      ctx.call,
      keys.map((key) => {
        const [backend, nativeId] = parseNodeKey(key) as [string, string];
        return { backend, nativeId };
      }),
    ),
});

/** `Touchpoint`, loaded by `["backend", "campaignNativeId", "nativeId"]`; null where the backend has no touchpoints. */
export const TouchpointRef = builder.loadableNodeRef<Touchpoint | null, string, string, string, Touchpoint>('Touchpoint', {
  id: { resolve: (tp) => nodeKey(tp.backend, tp.campaignNativeId, tp.nativeId) },
  load: (keys, ctx: GatewayContext) =>
    loadTouchpoints(
      ctx.backends,
      ctx.call,
      keys.map((key) => {
        const [backend, campaignNativeId, nativeId] = parseNodeKey(key) as [string, string, string];
        return { backend, campaignNativeId, nativeId };
      }),
    ),
});

/**
 * The touchpoints of a campaign whose record does not carry them, by campaign:
 * a per-request loader like the nodes', registered with them so that a write
 * clears it too. The campaign the caller has rides along with its key.
 */
export const touchpointsOfCampaign = dataloaderGetter<TouchpointsOfCampaignKey, Touchpoint[] | null, string>(
  { cacheKeyFn: (key) => nodeKey(key.backend, key.nativeId) },
  (keys, ctx) => loadTouchpointsOfCampaigns((ctx as GatewayContext).backends, (ctx as GatewayContext).call, keys),
  undefined,
  undefined,
);
