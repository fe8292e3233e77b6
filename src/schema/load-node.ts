import type { Campaign, DetailField, Touchpoint } from '../model/unified.js';
import type { GatewayContext } from '../server/context.js';
import { nodeKey } from './builder.js';
import { CampaignRef, touchpointsOfCampaign, TouchpointRef } from './loadable-nodes.js';

/** A campaign through the request's loader; null when it does not exist, `BAD_USER_INPUT` when its backend is not configured. */
export async function loadCampaign(ctx: GatewayContext, backend: string, nativeId: string): Promise<Campaign | null> {
  ctx.backends.forId(backend);
  // The loader answers null for a campaign that does not exist (its value type says Campaign).
  return (await CampaignRef.getDataloader(ctx).load(nodeKey(backend, nativeId))) ?? null;
}

/** Keeps a full campaign record for the rest of the request, so that a later read of it by id costs nothing. */
export function primeCampaign(ctx: GatewayContext, campaign: Campaign): void {
  if (!campaign.lacks) CampaignRef.getDataloader(ctx).prime(nodeKey(campaign.backend, campaign.nativeId), campaign);
}

/**
 * A field of a campaign that its list form may lack: the campaign's own value, or
 * the full record's (read through the request's loader) when the campaign lacks it.
 */
export function detailOf<F extends DetailField>(ctx: GatewayContext, campaign: Campaign, field: F): Campaign[F] | Promise<Campaign[F]> {
  if (!campaign.lacks?.has(field)) return campaign[field];
  return loadCampaign(ctx, campaign.backend, campaign.nativeId).then((full) => (full ?? campaign)[field]);
}

/** A campaign's touchpoints: carried by its record, or read through the request's loader; null where its backend has none. */
export async function loadTouchpointsOf(ctx: GatewayContext, campaign: Campaign): Promise<Touchpoint[] | null> {
  if (!ctx.backends.get(campaign.backend)?.touchpoints) return null;
  const touchpoints = await detailOf(ctx, campaign, 'touchpoints');
  if (touchpoints) return touchpoints;
  return touchpointsOfCampaign(ctx).load({ backend: campaign.backend, nativeId: campaign.nativeId, campaign });
}

/**
 * Starts reading the touchpoints of a campaign whose record does not carry them,
 * for the resolver that will ask for them soon (a failure reaches that resolver).
 */
export function prefetchTouchpoints(ctx: GatewayContext, campaign: Campaign): void {
  if (campaign.touchpoints || campaign.lacks?.has('touchpoints')) return;
  if (!ctx.backends.get(campaign.backend)?.touchpoints) return;
  touchpointsOfCampaign(ctx).load({ backend: campaign.backend, nativeId: campaign.nativeId, campaign }).catch(() => undefined);
}

/** A touchpoint through the request's loader; null when unknown or its backend has no touchpoints. */
export async function loadTouchpoint(ctx: GatewayContext, backend: string, campaignNativeId: string, nativeId: string): Promise<Touchpoint | null> {
  if (!ctx.backends.forId(backend).touchpoints) return null;
  return (await TouchpointRef.getDataloader(ctx).load(nodeKey(backend, campaignNativeId, nativeId))) ?? null;
}

/**
 * One entry of a relay `loadOne`, its failure turned into the Error itself rather
 * than a rejection: graphql-js raises an Error value at its own list position, so
 * `nodes(ids)` answers null with one error for that id instead of failing every id.
 */
export function settleNode<T>(load: Promise<T | null>): Promise<T | null> {
  return load.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))) as unknown as T);
}
