import type { Campaign, Touchpoint } from '../model/unified.js';
import type { GatewayContext } from '../server/context.js';

/** A campaign through the request's loader; null when it does not exist, `BAD_USER_INPUT` when its backend is not configured. */
export async function loadCampaign(ctx: GatewayContext, backend: string, nativeId: string): Promise<Campaign | null> {
  ctx.backends.forId(backend);
  return ctx.loaders.campaign.load({ backend, nativeId });
}

/** A touchpoint through the request's loader; null when unknown or its backend has no touchpoints. */
export async function loadTouchpoint(
  ctx: GatewayContext,
  backend: string,
  campaignNativeId: string,
  nativeId: string,
): Promise<Touchpoint | null> {
  const adapter = ctx.backends.forId(backend);
  if (!adapter.capabilities.has('TOUCHPOINTS')) return null;
  return ctx.loaders.touchpoint.load({ backend, campaignNativeId, nativeId });
}

/**
 * One entry of a relay `loadMany`, its failure turned into the Error itself rather
 * than a rejection: graphql-js raises an Error value at its own list position, so
 * `nodes(ids)` answers null with one error for that id instead of failing every id.
 */
export function settleNode<T>(load: Promise<T | null>): Promise<T | null> {
  return load.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))) as unknown as T);
}
