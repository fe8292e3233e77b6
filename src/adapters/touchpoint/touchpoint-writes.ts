import { badInput, nothingToChange, notFound } from '../../model/errors.js';
import type { ChildKey, Touchpoint } from '../../model/unified.js';
import type { CreateTouchpointInput, UpdateTouchpointInput } from '../../model/write-inputs.js';
import type { CallContext } from '../http/call-context.js';
import * as client from './client.js';
import { toChannel, toTouchpoint } from './to-unified.js';
import { checkCreateTouchpoint, toUpdateTouchpointBody } from './to-wire.js';
import { ownedTouchpoint, touchpointNotFound } from './touchpoint-reads.js';
import type { WireCampaign } from './wire.js';

type TouchpointApi = client.TouchpointApi;

/** The campaign a write is about; `NOT_FOUND` when it does not exist. */
async function existingCampaign(api: TouchpointApi, id: string, ctx: CallContext): Promise<WireCampaign> {
  const campaign = await client.getCampaign(api, id, ctx);
  if (!campaign) throw notFound(`campaign ${id} of backend "${api.http.backend}"`, api.http.backend);
  return campaign;
}

/** Appends a touchpoint to a campaign. Its channel, if given, must be the campaign's. */
export async function createTouchpoint(api: TouchpointApi, campaignNativeId: string, input: CreateTouchpointInput, ctx: CallContext): Promise<Touchpoint> {
  const backend = api.http.backend;
  const checked = checkCreateTouchpoint(input, backend);
  const campaign = await existingCampaign(api, campaignNativeId, ctx);
  const channel = toChannel(campaign.channel_type);
  if (checked.channel !== null && checked.channel !== channel) {
    throw badInput(
      `backend "${backend}": campaign ${campaignNativeId} runs on ${channel ?? `"${campaign.channel_type ?? ''}"`}, so its touchpoints cannot use ${checked.channel}`,
      'input.channel',
      backend,
    );
  }
  const body = { name: checked.name, type: checked.type, campaign_id: campaignNativeId, message: checked.message };
  const record = await client.createTouchpoint(api, body, ctx);
  return toTouchpoint(record, backend, campaignNativeId, channel);
}

/** Renames, rewrites or moves a touchpoint; a move renumbers the others. A touchpoint of another campaign than the key says is `NOT_FOUND`. */
export async function updateTouchpoint(api: TouchpointApi, key: ChildKey, input: UpdateTouchpointInput, ctx: CallContext): Promise<Touchpoint> {
  const body = toUpdateTouchpointBody(input, api.http.backend);
  if (Object.keys(body).length === 0) throw nothingToChange(api.http.backend);
  const owned = await ownedTouchpoint(api, key, ctx);
  if (!owned) throw touchpointNotFound(api, key);
  const updated = await client.updateTouchpoint(api, key.nativeId, body, ctx);
  return toTouchpoint(updated, api.http.backend, key.campaignNativeId, toChannel(owned.campaign?.channel_type));
}

/** Deletes a touchpoint; the rest of its campaign moves up. */
export async function deleteTouchpoint(api: TouchpointApi, key: ChildKey, ctx: CallContext): Promise<void> {
  if (!(await ownedTouchpoint(api, key, ctx))) throw touchpointNotFound(api, key);
  await client.deleteTouchpoint(api, key.nativeId, ctx);
}
