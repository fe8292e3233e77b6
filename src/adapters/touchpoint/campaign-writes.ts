import type { CallContext } from '../http/call-context.js';
import type { CreateCampaignInput } from '../../model/write-inputs.js';
import type { BackendHttpClient } from '../http/backend-client.js';
import type { Campaign } from '../../model/unified.js';
import * as api from './client.js';
import { toCampaign } from './to-unified.js';
import { toCreateCampaignBody } from './validate-input.js';

/** Creates a campaign (a draft on its one channel); inputs the API cannot store are refused before anything is sent. */
export async function createCampaign(http: BackendHttpClient, input: CreateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const body = toCreateCampaignBody(input, http.backend);
  return toCampaign(await api.createCampaign(http, ctx, body), http.backend);
}

/** Deletes a campaign and its touchpoints; `NOT_FOUND` when there is no such campaign. */
export async function deleteCampaign(http: BackendHttpClient, nativeId: string, ctx: CallContext): Promise<void> {
  await api.deleteCampaign(http, ctx, nativeId);
}
