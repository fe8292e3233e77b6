import { nothingToChange, notFound } from '../../model/errors.js';
import type { Campaign } from '../../model/unified.js';
import type { CreateCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import type { CallContext } from '../http/call-context.js';
import * as client from './client.js';
import { toCampaign } from './to-unified.js';
import { toCreateData, toUpdateData } from './to-wire.js';

/** An empty id is no campaign (the service would read it as the collection). */
function requireId(api: client.SchemaTypeApi, nativeId: string): void {
  if (nativeId === '') throw notFound(`campaign "${nativeId}"`, api.http.backend);
}

/** Creates a campaign; inputs a schema-type campaign cannot hold are refused before anything is sent. */
export async function createCampaign(api: client.SchemaTypeApi, input: CreateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const data = toCreateData(input, api.http.backend);
  return toCampaign(await client.createCampaign(api, data, ctx), api.http.backend);
}

/** Changes a campaign's name or description; an input that changes nothing is `BAD_USER_INPUT` and sends nothing. */
export async function updateCampaign(api: client.SchemaTypeApi, nativeId: string, input: UpdateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const data = toUpdateData(input, api.http.backend);
  requireId(api, nativeId);
  if (Object.keys(data).length === 0) throw nothingToChange(api.http.backend);
  return toCampaign(await client.updateCampaign(api, nativeId, data, ctx), api.http.backend);
}

/** Soft-deletes a campaign: the service keeps it, but no read answers it any more. */
export async function deleteCampaign(api: client.SchemaTypeApi, nativeId: string, ctx: CallContext): Promise<void> {
  requireId(api, nativeId);
  await client.deleteCampaign(api, nativeId, ctx);
}
