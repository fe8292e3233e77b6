import { notFound } from '../../model/errors.js';
import { touchpointRuleErrors } from '../../model/touchpoint-rules.js';
import type { ChildKey, Touchpoint, TouchpointValidation } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import { getCampaigns } from './campaign-reads.js';
import type { V2Api } from './client.js';

/** The one `MESSAGE` touchpoint each campaign carries (its message, read only); null for an unknown campaign. */
export async function listTouchpoints(api: V2Api, campaignNativeIds: readonly string[], ctx: CallContext): Promise<(Touchpoint[] | null | Error)[]> {
  const campaigns = await getCampaigns(api, campaignNativeIds, ctx);
  return campaigns.map((campaign) => (campaign === null || campaign instanceof Error ? campaign : (campaign.touchpoints ?? [])));
}

/** Touchpoints by key; null for an unknown campaign or touchpoint. */
export async function getTouchpoints(api: V2Api, keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]> {
  const campaigns = await getCampaigns(api, keys.map((key) => key.campaignNativeId), ctx);
  return campaigns.map((campaign, index) => {
    if (campaign === null || campaign instanceof Error) return campaign;
    return campaign.touchpoints?.find((touchpoint) => touchpoint.nativeId === keys[index]?.nativeId) ?? null;
  });
}

/** Checks the message touchpoint against the shared touchpoint rules (v2 has no validate endpoint). */
export async function validateTouchpoint(api: V2Api, key: ChildKey, ctx: CallContext): Promise<TouchpointValidation> {
  const [touchpoint] = await getTouchpoints(api, [key], ctx);
  if (touchpoint instanceof Error) throw touchpoint;
  if (!touchpoint) throw notFound(`touchpoint "${key.nativeId}" of campaign "${key.campaignNativeId}"`, api.http.backend);
  const errors = touchpointRuleErrors({ type: touchpoint.type, channel: touchpoint.channel, message: touchpoint.message });
  return { valid: errors.length === 0, errors };
}
