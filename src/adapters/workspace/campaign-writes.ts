import { z } from 'zod';
import { nothingToChange } from '../../model/errors.js';
import type { Campaign, EnrollmentResult, ExecutionResult } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import type { CreateCampaignInput, ExecuteCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import { campaignFieldOf, executeFieldOf, toCampaignCreate, toCampaignPatch, toExecuteRequest } from './to-wire.js';
import { deleteCampaign as sendDelete, patchCampaign, postCampaign, postEnroll, postExecute, type WorkspaceApi } from './client.js';
import { parseInput } from './input-parsing.js';
import { toCampaign, toEnrollmentResult, toExecutionResult } from './to-unified.js';

/** Creates a campaign with an empty workflow (status `DRAFT`). */
export async function createCampaign(api: WorkspaceApi, input: CreateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const body = toCampaignCreate(input, api.http.backend);
  return toCampaign(api.http.backend, await postCampaign(api, body, campaignFieldOf, ctx));
}

/** Updates a campaign; an input that changes nothing is `BAD_USER_INPUT` and sends nothing. */
export async function updateCampaign(api: WorkspaceApi, id: string, input: UpdateCampaignInput, ctx: CallContext): Promise<Campaign> {
  const patch = toCampaignPatch(input, api.http.backend);
  if (Object.keys(patch).length === 0) throw nothingToChange(api.http.backend);
  return toCampaign(api.http.backend, await patchCampaign(api, id, patch, campaignFieldOf, ctx));
}

/** Deletes a campaign permanently. */
export async function deleteCampaign(api: WorkspaceApi, id: string, ctx: CallContext): Promise<void> {
  await sendDelete(api, id, ctx);
}

/** Enrolls contacts into an `ACTIVE` campaign; any other status is `CONFLICT` with the backend's message. */
export async function enrollContacts(api: WorkspaceApi, id: string, contactIds: readonly string[], ctx: CallContext): Promise<EnrollmentResult> {
  const ids = parseInput(z.array(z.string()), contactIds, api.http.backend, 'contactIds');
  const answer = await postEnroll(api, id, ids, (path) => (path.startsWith('contactIds') ? 'contactIds' : undefined), ctx);
  return toEnrollmentResult(answer);
}

/** Runs a campaign for one contact, or processes a trigger. */
export async function executeCampaign(api: WorkspaceApi, id: string, input: ExecuteCampaignInput, ctx: CallContext): Promise<ExecutionResult> {
  const body = toExecuteRequest(input, api.http.backend);
  return toExecutionResult(await postExecute(api, id, body, executeFieldOf, ctx));
}
