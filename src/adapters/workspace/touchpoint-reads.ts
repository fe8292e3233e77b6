import { GatewayError, notFound } from '../../model/errors.js';
import { touchpointRuleErrors } from '../../model/touchpoint-rules.js';
import type { ChildKey, Touchpoint, TouchpointValidation } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import { readCampaigns } from './campaign-reads.js';
import { fetchCampaign, type WorkspaceApi } from './client.js';
import { nodesInOrder, toTouchpoint, toTouchpoints } from './to-unified.js';
import type { WireCampaign } from './wire.js';

function touchpointsOf(api: WorkspaceApi, record: WireCampaign): Touchpoint[] | Error {
  return (
    toTouchpoints(api.http.backend, record) ??
    new GatewayError('BACKEND_ERROR', `backend "${api.http.backend}" answered campaign "${record.id}" without its workflow`, {
      backend: api.http.backend,
    })
  );
}

/** The touchpoints (workflow nodes by position) of each campaign; null for an unknown campaign. */
export async function listTouchpoints(api: WorkspaceApi, campaignIds: readonly string[], ctx: CallContext): Promise<(Touchpoint[] | null | Error)[]> {
  const records = await readCampaigns(api, campaignIds, ctx);
  return campaignIds.map((id) => {
    const record = records.get(id)!;
    return record === null || record instanceof Error ? record : touchpointsOf(api, record);
  });
}

/** Touchpoints by key; null for an unknown campaign or node. */
export async function getTouchpoints(api: WorkspaceApi, keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]> {
  const lists = await listTouchpoints(api, keys.map((key) => key.campaignNativeId), ctx);
  return keys.map((key, index) => {
    const list = lists[index]!;
    return list === null || list instanceof Error ? list : (list.find((tp) => tp.nativeId === key.nativeId) ?? null);
  });
}

/**
 * The workspace has no validate endpoint, so the touchpoint API's rules are applied
 * to the node as the gateway reads it (see `touchpointRuleErrors`); only message nodes
 * can break them.
 */
export async function validateTouchpoint(api: WorkspaceApi, key: ChildKey, ctx: CallContext): Promise<TouchpointValidation> {
  const campaign = await fetchCampaign(api, key.campaignNativeId, ctx);
  const placed = nodesInOrder(campaign?.workflow?.nodes ?? []).find(({ node }) => node.id === key.nativeId);
  if (!campaign || !placed) throw notFound(`touchpoint "${key.nativeId}" of campaign "${key.campaignNativeId}"`, api.http.backend);
  const touchpoint = toTouchpoint(api.http.backend, campaign.id, placed);
  const errors = touchpointRuleErrors(touchpoint);
  return { valid: errors.length === 0, errors };
}
