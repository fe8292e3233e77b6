import type { CallContext } from '../../../src/adapters/http/call-context.js';
import type { Campaign } from '../../../src/model/unified.js';
import type { CreateCampaignInput } from '../../../src/model/write-inputs.js';
import { deleteBulletin, postBulletin, type BulletinApi } from './client.js';
import { toCampaign } from './to-unified.js';
import { toNewBulletin } from './to-wire.js';

/** Posts a new bulletin (a draft). */
export async function createCampaign(api: BulletinApi, input: CreateCampaignInput, ctx: CallContext): Promise<Campaign> {
  return toCampaign(await postBulletin(api, toNewBulletin(input, api.http.backend), ctx), api.http.backend);
}

/** Takes a bulletin off the board; `NOT_FOUND` for one it does not have. */
export async function deleteCampaign(api: BulletinApi, ref: string, ctx: CallContext): Promise<void> {
  await deleteBulletin(api, ref, ctx);
}
