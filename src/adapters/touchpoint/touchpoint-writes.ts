import type { CallContext } from '../http/call-context.js';
import type { ChildKey, Touchpoint, TouchpointValidation } from '../../model/unified.js';
import type { CreateTouchpointInput, UpdateTouchpointInput } from '../../model/write-inputs.js';
import type { BackendHttpClient } from '../http/backend-client.js';
import { badInput, nothingToChange, notFound } from '../../model/errors.js';
import * as api from './client.js';
import { toChannel, toTouchpoint } from './to-unified.js';
import { checkCreateTouchpoint, toUpdateTouchpointBody } from './validate-input.js';
import type { WireCampaign, WireTouchpoint } from './wire.js';

/** The campaign a write is about; `NOT_FOUND` when it does not exist. */
async function existingCampaign(http: BackendHttpClient, id: string, ctx: CallContext): Promise<WireCampaign> {
  const campaign = await api.getCampaign(http, ctx, id);
  if (!campaign) throw notFound(`campaign ${id} of backend "${http.backend}"`, http.backend);
  return campaign;
}

/**
 * The touchpoint a key names, with its campaign's channel. A touchpoint of another
 * campaign than the key says is `NOT_FOUND`, as reads answer null for it, so a
 * forged key cannot reach it.
 */
async function ownedTouchpoint(http: BackendHttpClient, key: ChildKey, ctx: CallContext): Promise<{ record: WireTouchpoint; campaign: WireCampaign | null }> {
  const [record, campaign] = await Promise.all([api.getTouchpoint(http, ctx, key.nativeId), api.getCampaign(http, ctx, key.campaignNativeId)]);
  if (!record || record.campaign_id !== key.campaignNativeId) {
    throw notFound(`touchpoint ${key.nativeId} of campaign ${key.campaignNativeId} on backend "${http.backend}"`, http.backend);
  }
  return { record, campaign };
}

/** Appends a touchpoint to a campaign. Its channel, if given, must be the campaign's. */
export async function createTouchpoint(
  http: BackendHttpClient,
  campaignNativeId: string,
  input: CreateTouchpointInput,
  ctx: CallContext,
): Promise<Touchpoint> {
  const checked = checkCreateTouchpoint(input, http.backend);
  const campaign = await existingCampaign(http, campaignNativeId, ctx);
  const channel = toChannel(campaign.channel_type);
  if (checked.channel !== null && checked.channel !== channel) {
    throw badInput(
      `backend "${http.backend}": campaign ${campaignNativeId} runs on ${channel ?? `"${campaign.channel_type ?? ''}"`}, so its touchpoints cannot use ${checked.channel}`,
      'input.channel',
      http.backend,
    );
  }
  const record = await api.createTouchpoint(http, ctx, {
    name: checked.name,
    type: checked.type,
    campaign_id: campaignNativeId,
    message: checked.message,
  });
  return toTouchpoint(record, http.backend, campaignNativeId, channel);
}

/** Renames, rewrites or moves a touchpoint; a move renumbers the others. */
export async function updateTouchpoint(http: BackendHttpClient, key: ChildKey, input: UpdateTouchpointInput, ctx: CallContext): Promise<Touchpoint> {
  const body = toUpdateTouchpointBody(input, http.backend);
  if (Object.keys(body).length === 0) throw nothingToChange(http.backend);
  const { campaign } = await ownedTouchpoint(http, key, ctx);
  const channel = toChannel(campaign?.channel_type);
  const updated = await api.updateTouchpoint(http, ctx, key.nativeId, body);
  return toTouchpoint(updated, http.backend, key.campaignNativeId, channel);
}

/** Deletes a touchpoint; the rest of its campaign moves up. */
export async function deleteTouchpoint(http: BackendHttpClient, key: ChildKey, ctx: CallContext): Promise<void> {
  await ownedTouchpoint(http, key, ctx);
  await api.deleteTouchpoint(http, ctx, key.nativeId);
}

/** The backend's own check of a touchpoint's configuration (empty message, WhatsApp length, email subject). */
export async function validateTouchpoint(http: BackendHttpClient, key: ChildKey, ctx: CallContext): Promise<TouchpointValidation> {
  await ownedTouchpoint(http, key, ctx);
  return api.validateTouchpoint(http, ctx, key.nativeId);
}
