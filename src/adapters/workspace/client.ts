import { z } from 'zod';
import type { BackendHttpClient } from '../http/backend-client.js';
import type { CallContext } from '../http/call-context.js';
import { clientForBackend } from '../http/client-for-backend.js';
import type { AdapterDeps } from '../seam/adapter-factory.js';
import type { WorkspaceConfig } from './config.js';
import type { UpstreamResponse } from '../http/upstream-request.js';
import { parseAnswer } from '../wire-records.js';
import { isCampaignMissing, toReadError, toWriteError, type FieldOf } from './errors.js';
import {
  wireCampaignSchema,
  wireEnrollAnswerSchema,
  wireExecuteAnswerSchema,
  type WireCampaign,
  type WireCampaignCreate,
  type WireCampaignPatch,
  type WireEnrollAnswer,
  type WireExecuteAnswer,
  type WireExecuteRequest,
} from './wire.js';

/** Where one workspace's API lives: the backend's HTTP client and the workspace id. */
export interface WorkspaceApi {
  http: BackendHttpClient;
  workspaceId: string;
}

/** The API of one configured workspace backend: its HTTP client with the session token, and the workspace. */
export function connectWorkspace(config: WorkspaceConfig, deps: AdapterDeps): WorkspaceApi {
  const http = clientForBackend(config, deps, { authorization: `Bearer ${config.sessionToken}` });
  return { http, workspaceId: config.workspaceId };
}

/**
 * One function per endpoint of the workspace API: each takes the API first and
 * the call context last, and returns parsed wire data or throws a GatewayError.
 */

const campaignsPath = (api: WorkspaceApi) => `/api/workspaces/${encodeURIComponent(api.workspaceId)}/campaigns`;
const campaignPath = (api: WorkspaceApi, id: string) => `${campaignsPath(api)}/${encodeURIComponent(id)}`;
const describeCampaign = (id: string) => `campaign "${id}"`;
const isSuccess = (response: UpstreamResponse) => response.status >= 200 && response.status < 300;

/** `GET /campaigns`: every campaign in the list form, each still to be checked against the wire schema. */
export async function fetchCampaignList(api: WorkspaceApi, ctx: CallContext): Promise<unknown[]> {
  const response = await api.http.request({ method: 'GET', path: campaignsPath(api) }, ctx);
  if (!isSuccess(response)) throw toReadError(response, api.http.backend);
  return parseAnswer(z.array(z.unknown()), response.body, api.http.backend, 'the campaign list');
}

/** `GET /campaigns/{id}`: the full campaign with its workflow, or null when the campaign does not exist. */
export async function fetchCampaign(api: WorkspaceApi, id: string, ctx: CallContext): Promise<WireCampaign | null> {
  const response = await api.http.request({ method: 'GET', path: campaignPath(api, id) }, ctx);
  if (isCampaignMissing(response)) return null;
  if (!isSuccess(response)) throw toReadError(response, api.http.backend);
  return parseAnswer(wireCampaignSchema, response.body, api.http.backend, describeCampaign(id));
}

/** `POST /campaigns`: the created campaign (status `DRAFT`). */
export async function postCampaign(api: WorkspaceApi, body: WireCampaignCreate, fieldOf: FieldOf, ctx: CallContext): Promise<WireCampaign> {
  const response = await api.http.request({ method: 'POST', path: campaignsPath(api), body }, ctx);
  if (!isSuccess(response)) throw toWriteError(response, { backend: api.http.backend, what: 'the new campaign', fieldOf });
  return parseAnswer(wireCampaignSchema, response.body, api.http.backend, 'the created campaign');
}

/** `PATCH /campaigns/{id}`: the whole campaign after the change. */
export async function patchCampaign(
  api: WorkspaceApi,
  id: string,
  body: WireCampaignPatch,
  fieldOf: FieldOf,
  ctx: CallContext,
): Promise<WireCampaign> {
  const response = await api.http.request({ method: 'PATCH', path: campaignPath(api, id), body }, ctx);
  if (!isSuccess(response)) throw toWriteError(response, { backend: api.http.backend, what: describeCampaign(id), fieldOf });
  return parseAnswer(wireCampaignSchema, response.body, api.http.backend, describeCampaign(id));
}

/** `DELETE /campaigns/{id}`. */
export async function deleteCampaign(api: WorkspaceApi, id: string, ctx: CallContext): Promise<void> {
  const response = await api.http.request({ method: 'DELETE', path: campaignPath(api, id) }, ctx);
  if (!isSuccess(response)) throw toWriteError(response, { backend: api.http.backend, what: describeCampaign(id) });
}

/** `POST /campaigns/{id}/execute`. */
export async function postExecute(
  api: WorkspaceApi,
  id: string,
  body: WireExecuteRequest,
  fieldOf: FieldOf,
  ctx: CallContext,
): Promise<WireExecuteAnswer> {
  const response = await api.http.request({ method: 'POST', path: `${campaignPath(api, id)}/execute`, body }, ctx);
  if (!isSuccess(response)) throw toWriteError(response, { backend: api.http.backend, what: describeCampaign(id), fieldOf });
  return parseAnswer(wireExecuteAnswerSchema, response.body, api.http.backend, `the execution of ${describeCampaign(id)}`);
}

/** `POST /campaigns/{id}/enroll`; `409` when the campaign is not active. */
export async function postEnroll(
  api: WorkspaceApi,
  id: string,
  contactIds: readonly string[],
  fieldOf: FieldOf,
  ctx: CallContext,
): Promise<WireEnrollAnswer> {
  const response = await api.http.request({ method: 'POST', path: `${campaignPath(api, id)}/enroll`, body: { contactIds } }, ctx);
  if (!isSuccess(response)) throw toWriteError(response, { backend: api.http.backend, what: describeCampaign(id), fieldOf });
  return parseAnswer(wireEnrollAnswerSchema, response.body, api.http.backend, `the enrollment into ${describeCampaign(id)}`);
}
