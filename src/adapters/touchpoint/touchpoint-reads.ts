import type { Channel } from '../../model/enums.js';
import { GatewayError, notFound } from '../../model/errors.js';
import type { Campaign, ChildKey, Touchpoint, TouchpointValidation } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import { asError } from './campaign-reads.js';
import * as client from './client.js';
import { toChannel, toTouchpoint } from './to-unified.js';
import type { WireCampaign, WireTouchpoint } from './wire.js';

type TouchpointApi = client.TouchpointApi;

/** The channel a campaign's messages go out on: from the campaign the caller has, else from reading it; undefined when it does not exist. */
async function channelOf(api: TouchpointApi, campaignId: string, known: Campaign | undefined, ctx: CallContext): Promise<Channel | null | undefined> {
  if (known && !known.lacks?.has('channels')) return known.channels[0] ?? null;
  // The campaign read is shared (ctx.cache) with the campaign resolver.
  const campaign = await client.getCampaign(api, campaignId, ctx);
  return campaign ? toChannel(campaign.channel_type) : undefined;
}

/** Every touchpoint of one campaign in position order; null when the campaign does not exist. */
async function campaignTouchpoints(api: TouchpointApi, campaignId: string, known: Campaign | undefined, ctx: CallContext): Promise<Touchpoint[] | null> {
  const backend = api.http.backend;
  const channel = await channelOf(api, campaignId, known, ctx);
  if (channel === undefined) return null;
  const records: WireTouchpoint[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await client.listTouchpointPage(api, campaignId, { limit: api.pageSize, cursor }, ctx);
    // Deleted since the campaign read.
    if (!page) return null;
    for (const error of page.errors) api.logger.warn({ backend, campaignId }, error.message);
    records.push(...page.valid);
    if (page.nextCursor !== null && seen.has(page.nextCursor)) {
      throw new GatewayError('BACKEND_ERROR', `backend "${backend}" answered touchpoint pages whose cursors loop`, { backend });
    }
    cursor = page.nextCursor;
    if (cursor !== null) seen.add(cursor);
  } while (cursor !== null);
  return records
    .map((record) => toTouchpoint(record, backend, campaignId, channel))
    .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
}

/**
 * Touchpoints of each campaign, in key order: null for an unknown campaign, an Error
 * for one that failed. A campaign the caller already has (`campaigns`) is not read again.
 */
export function listTouchpoints(
  api: TouchpointApi,
  campaignIds: readonly string[],
  ctx: CallContext,
  campaigns: readonly (Campaign | undefined)[] = [],
): Promise<(Touchpoint[] | null | Error)[]> {
  return Promise.all(campaignIds.map((id, index) => campaignTouchpoints(api, id, campaigns[index], ctx).catch(asError)));
}

/**
 * The touchpoint a key names, with its campaign; null for one that does not exist
 * or belongs to another campaign than the key says, so that a forged key cannot reach it.
 */
export async function ownedTouchpoint(api: TouchpointApi, key: ChildKey, ctx: CallContext): Promise<{ record: WireTouchpoint; campaign: WireCampaign | null } | null> {
  const [record, campaign] = await Promise.all([client.getTouchpoint(api, key.nativeId, ctx), client.getCampaign(api, key.campaignNativeId, ctx)]);
  if (!record || record.campaign_id !== key.campaignNativeId) return null;
  return { record, campaign };
}

/** Touchpoints by key, in key order: null for an unknown one, an Error for one that failed. */
export function getTouchpoints(api: TouchpointApi, keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]> {
  return Promise.all(
    keys.map((key) =>
      ownedTouchpoint(api, key, ctx)
        .then((owned) => owned && toTouchpoint(owned.record, api.http.backend, key.campaignNativeId, toChannel(owned.campaign?.channel_type)))
        .catch(asError),
    ),
  );
}

/** The backend's own check of a touchpoint's configuration (empty message, WhatsApp length, email subject). */
export async function validateTouchpoint(api: TouchpointApi, key: ChildKey, ctx: CallContext): Promise<TouchpointValidation> {
  if (!(await ownedTouchpoint(api, key, ctx))) throw touchpointNotFound(api, key);
  return client.validateTouchpoint(api, key.nativeId, ctx);
}

/** `NOT_FOUND` for a touchpoint key. */
export function touchpointNotFound(api: TouchpointApi, key: ChildKey): GatewayError {
  return notFound(`touchpoint ${key.nativeId} of campaign ${key.campaignNativeId} on backend "${api.http.backend}"`, api.http.backend);
}
