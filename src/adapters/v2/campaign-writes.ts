import { nothingToChange, notFound } from '../../model/errors.js';
import type { Campaign } from '../../model/unified.js';
import type { CreateCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import type { CallContext } from '../http/call-context.js';
import * as client from './client.js';
import { toCampaign } from './to-unified.js';
import { toCampaignId, toCreateRequest, toUpdateRequest } from './to-wire.js';

/** A v2 campaign id of a native id the reads could have answered; `NOT_FOUND` for any other. */
function campaignIdOrNotFound(api: client.V2Api, nativeId: string): number {
  const id = toCampaignId(nativeId);
  if (id === null) throw notFound(`campaign "${nativeId}"`, api.http.backend);
  return id;
}

/** `POST create` is not idempotent: it is sent once, never retried. */
export async function createCampaign(api: client.V2Api, input: CreateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const request = toCreateRequest(input, api.http.backend);
  return toCampaign(await client.createCampaign(api, request, ctx), api.http.backend);
}

/** Renames or reschedules a scheduled campaign; an input that changes nothing is `BAD_USER_INPUT` and sends nothing. */
export async function updateCampaign(api: client.V2Api, nativeId: string, input: UpdateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const id = campaignIdOrNotFound(api, nativeId);
  const request = toUpdateRequest(id, input, api.http.backend);
  if (request.Name === undefined && request.SendAt === undefined) throw nothingToChange(api.http.backend);
  return toCampaign(await client.updateCampaign(api, request, ctx), api.http.backend);
}

/** Deletes a campaign; `NOT_FOUND` for one v2 does not know. */
export async function deleteCampaign(api: client.V2Api, nativeId: string, ctx: CallContext): Promise<void> {
  await client.deleteCampaign(api, campaignIdOrNotFound(api, nativeId), ctx);
}
