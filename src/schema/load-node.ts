import type { Campaign, Touchpoint } from '../model/unified.js';
import type { GatewayContext } from '../server/context.js';

/** A campaign through the request's loader; null when its backend is not configured or it does not exist. */
export async function loadCampaign(ctx: GatewayContext, backend: string, nativeId: string): Promise<Campaign | null> {
  if (!ctx.backends.get(backend)) return null;
  return ctx.loaders.campaign.load({ backend, nativeId });
}

/** A touchpoint through the request's loader; null when unknown or its backend has no touchpoints. */
export async function loadTouchpoint(
  ctx: GatewayContext,
  backend: string,
  campaignNativeId: string,
  nativeId: string,
): Promise<Touchpoint | null> {
  const adapter = ctx.backends.get(backend);
  if (!adapter?.capabilities.has('TOUCHPOINTS')) return null;
  return ctx.loaders.touchpoint.load({ backend, campaignNativeId, nativeId });
}
