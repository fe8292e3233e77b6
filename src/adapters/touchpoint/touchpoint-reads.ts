import type { Logger } from 'pino';
import type { CallContext } from '../http/call-context.js';
import type { ChildKey, Campaign, Touchpoint } from '../../model/unified.js';
import type { BackendHttpClient } from '../http/backend-client.js';
import { GatewayError } from '../../model/errors.js';
import type { Channel } from '../../model/enums.js';
import { getCampaign, getTouchpoint, listTouchpointPage } from './client.js';
import { toChannel, toTouchpoint } from './to-unified.js';
import type { WireTouchpoint } from './wire.js';

/** What the touchpoint reads need besides their arguments. */
export interface TouchpointReadDeps {
  http: BackendHttpClient;
  /** Hears about records left out for breaking the wire schema (the batch answer has no room for them). */
  logger: Logger;
  /** Touchpoints per native page, at most 100. */
  pageSize: number;
}

/** A failure in place of one batch answer, so the others still stand. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The channel a campaign's messages go out on: from the campaign the caller has, else from reading it; undefined when it does not exist. */
async function channelOf(http: BackendHttpClient, campaignId: string, known: Campaign | undefined, ctx: CallContext): Promise<Channel | null | undefined> {
  if (known && !known.lacks?.has('channels')) return known.channels[0] ?? null;
  // The campaign read is shared (ctx.cache) with the campaign resolver.
  const campaign = await getCampaign(http, ctx, campaignId);
  return campaign ? toChannel(campaign.channel_type) : undefined;
}

/** Every touchpoint of one campaign in position order; null when the campaign does not exist. */
async function campaignTouchpoints(deps: TouchpointReadDeps, campaignId: string, known: Campaign | undefined, ctx: CallContext): Promise<Touchpoint[] | null> {
  const { http, logger, pageSize } = deps;
  const channel = await channelOf(http, campaignId, known, ctx);
  if (channel === undefined) return null;
  const records: WireTouchpoint[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await listTouchpointPage(http, ctx, campaignId, { limit: pageSize, cursor });
    // Deleted since the campaign read.
    if (!page) return null;
    for (const error of page.errors) logger.warn({ backend: http.backend, campaignId }, error.message);
    records.push(...page.valid);
    if (page.nextCursor !== null && seen.has(page.nextCursor)) {
      throw new GatewayError('BACKEND_ERROR', `backend "${http.backend}" answered touchpoint pages whose cursors loop`, { backend: http.backend });
    }
    cursor = page.nextCursor;
    if (cursor !== null) seen.add(cursor);
  } while (cursor !== null);
  return records
    .map((record) => toTouchpoint(record, http.backend, campaignId, channel))
    .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
}

/**
 * Touchpoints of each campaign, in key order: null for an unknown campaign, an Error
 * for one that failed. A campaign the caller already has (`campaigns`) is not read again.
 */
export function listTouchpoints(
  deps: TouchpointReadDeps,
  campaignIds: readonly string[],
  ctx: CallContext,
  campaigns: readonly (Campaign | undefined)[] = [],
): Promise<(Touchpoint[] | null | Error)[]> {
  return Promise.all(campaignIds.map((id, index) => campaignTouchpoints(deps, id, campaigns[index], ctx).catch(asError)));
}

/** One touchpoint by key; null when it does not exist or belongs to another campaign than the key says. */
async function touchpointByKey(http: BackendHttpClient, key: ChildKey, ctx: CallContext): Promise<Touchpoint | null> {
  const [record, campaign] = await Promise.all([getTouchpoint(http, ctx, key.nativeId), getCampaign(http, ctx, key.campaignNativeId)]);
  if (!record || record.campaign_id !== key.campaignNativeId) return null;
  return toTouchpoint(record, http.backend, key.campaignNativeId, toChannel(campaign?.channel_type));
}

/** Touchpoints by key, in key order: null for an unknown one, an Error for one that failed. */
export function getTouchpoints(http: BackendHttpClient, keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]> {
  return Promise.all(keys.map((key) => touchpointByKey(http, key, ctx).catch(asError)));
}
