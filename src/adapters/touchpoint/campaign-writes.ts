import type { Campaign } from '../../model/unified.js';
import type { CreateCampaignInput } from '../../model/write-inputs.js';
import type { CallContext } from '../http/call-context.js';
import * as client from './client.js';
import { toCampaign } from './to-unified.js';
import { toCreateCampaignBody } from './to-wire.js';

/** Creates a campaign (a draft on its one channel); inputs the API cannot store are refused before anything is sent. */
export async function createCampaign(api: client.TouchpointApi, input: CreateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const body = toCreateCampaignBody(input, api.http.backend);
  return toCampaign(await client.createCampaign(api, body, ctx), api.http.backend);
}

/** Deletes a campaign and its touchpoints; `NOT_FOUND` when there is no such campaign. */
export async function deleteCampaign(api: client.TouchpointApi, nativeId: string, ctx: CallContext): Promise<void> {
  await client.deleteCampaign(api, nativeId, ctx);
}
