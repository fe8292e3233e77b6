import type { ZodType } from 'zod';
import type { Logger } from 'pino';
import type { BackendHttpClient } from '../http/backend-client.js';
import type { CallContext } from '../http/call-context.js';
import { clientForBackend } from '../http/client-for-backend.js';
import type { AdapterDeps } from '../seam/adapter-factory.js';
import type { TouchpointConfig } from './config.js';
import type { UpstreamRequest, UpstreamResponse } from '../http/upstream-request.js';
import { parseAnswer, parseRecords, type ParsedRecords } from '../wire-records.js';
import { toGatewayError } from './errors.js';
import {
  wireCampaignSchema,
  wireListPageSchema,
  wireTouchpointSchema,
  wireValidationSchema,
  type WireCampaign,
  type WireCreateCampaign,
  type WireCreateTouchpoint,
  type WireTouchpoint,
  type WireUpdateTouchpoint,
} from './wire.js';

/** The API of one configured touchpoint backend: its HTTP client (bearer token), its page size and who hears of bad records. */
export interface TouchpointApi {
  http: BackendHttpClient;
  /** Records per list page (`limit`), 1 to {@link MAX_PAGE_SIZE}. */
  pageSize: number;
  /** Hears about records left out for breaking the wire schema where an answer has no room for them. */
  logger: Logger;
}

/** The largest `limit` the list endpoints accept. */
export const MAX_PAGE_SIZE = 100;

/** Tuning that is not part of the config file. */
export interface TouchpointApiOptions {
  /** Records per list page, 1 to 100; default 100, the API's largest, for the fewest round trips. */
  pageSize?: number;
}

/** The API of a `touchpoint` backend entry: `Authorization: Bearer <token>` on every request. */
export function connectTouchpoint(config: TouchpointConfig, deps: AdapterDeps, options: TouchpointApiOptions = {}): TouchpointApi {
  const http = clientForBackend(config, deps, { authorization: `Bearer ${config.token}` });
  return { http, pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE)), logger: deps.logger };
}

/**
 * One function per endpoint of the touchpoint API (`/v1`): each takes the API
 * first and the call context last, and returns parsed wire data or throws a
 * GatewayError; a `404` on a read by id is `null`.
 */

/** One page of a list endpoint: its valid records, the ones that broke the schema, and where the next page starts. */
export interface WirePage<T> extends ParsedRecords<T> {
  nextCursor: string | null;
}

/** Where a list page starts: `cursor` null for the first page; `limit` at most 100. */
export interface PageParams {
  limit: number;
  cursor: string | null;
}

const path = (...segments: string[]) => `/v1/${segments.map(encodeURIComponent).join('/')}`;

async function send(api: TouchpointApi, request: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
  const response = await api.http.request(request, ctx);
  if (response.status >= 400) throw toGatewayError(response, api.http.backend);
  return response;
}

/** Like {@link send}, but a `404` answers undefined (a read by id of something that is not there). */
async function sendOrMissing(api: TouchpointApi, request: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse | undefined> {
  const response = await api.http.request(request, ctx);
  if (response.status === 404) return undefined;
  if (response.status >= 400) throw toGatewayError(response, api.http.backend);
  return response;
}

function describeRecord(kind: string) {
  return (record: unknown, index: number) => {
    const id = (record as { _id?: unknown } | null)?._id;
    return typeof id === 'string' ? `${kind} ${id}` : `${kind} #${index + 1} of a page`;
  };
}

function toPage<T>(backend: string, body: unknown, schema: ZodType<T>, kind: string): WirePage<T> {
  const page = parseAnswer(wireListPageSchema, body, backend, `a ${kind} list page`);
  return { ...parseRecords(schema, page.data, backend, describeRecord(kind)), nextCursor: page.next_cursor ?? null };
}

/** `GET /v1/campaigns`: a page, newest first. */
export async function listCampaignPage(api: TouchpointApi, page: PageParams, ctx: CallContext): Promise<WirePage<WireCampaign>> {
  const response = await send(api, { method: 'GET', path: path('campaigns'), query: { limit: page.limit, cursor: page.cursor ?? undefined } }, ctx);
  return toPage(api.http.backend, response.body, wireCampaignSchema, 'campaign');
}

/** `GET /v1/campaigns/{id}`; null when there is no such campaign. */
export async function getCampaign(api: TouchpointApi, id: string, ctx: CallContext): Promise<WireCampaign | null> {
  const response = await sendOrMissing(api, { method: 'GET', path: path('campaigns', id) }, ctx);
  return response ? parseAnswer(wireCampaignSchema, response.body, api.http.backend, `campaign ${id}`) : null;
}

/** `POST /v1/campaigns`: the new campaign (a draft). */
export async function createCampaign(api: TouchpointApi, body: WireCreateCampaign, ctx: CallContext): Promise<WireCampaign> {
  const response = await send(api, { method: 'POST', path: path('campaigns'), body }, ctx);
  return parseAnswer(wireCampaignSchema, response.body, api.http.backend, 'the created campaign');
}

/** `DELETE /v1/campaigns/{id}` (its touchpoints go with it); `NOT_FOUND` when there is no such campaign. */
export async function deleteCampaign(api: TouchpointApi, id: string, ctx: CallContext): Promise<void> {
  await send(api, { method: 'DELETE', path: path('campaigns', id) }, ctx);
}

/** `GET /v1/touchpoints?campaign_id=…`: a page of one campaign's touchpoints in position order; null when the campaign is unknown. */
export async function listTouchpointPage(
  api: TouchpointApi,
  campaignId: string,
  page: PageParams,
  ctx: CallContext,
): Promise<WirePage<WireTouchpoint> | null> {
  const query = { campaign_id: campaignId, limit: page.limit, cursor: page.cursor ?? undefined };
  const response = await sendOrMissing(api, { method: 'GET', path: path('touchpoints'), query }, ctx);
  return response ? toPage(api.http.backend, response.body, wireTouchpointSchema, 'touchpoint') : null;
}

/** `GET /v1/touchpoints/{id}`; null when there is no such touchpoint. */
export async function getTouchpoint(api: TouchpointApi, id: string, ctx: CallContext): Promise<WireTouchpoint | null> {
  const response = await sendOrMissing(api, { method: 'GET', path: path('touchpoints', id) }, ctx);
  return response ? parseAnswer(wireTouchpointSchema, response.body, api.http.backend, `touchpoint ${id}`) : null;
}

/** `POST /v1/touchpoints`: the new touchpoint, appended to its campaign. */
export async function createTouchpoint(api: TouchpointApi, body: WireCreateTouchpoint, ctx: CallContext): Promise<WireTouchpoint> {
  const response = await send(api, { method: 'POST', path: path('touchpoints'), body }, ctx);
  return parseAnswer(wireTouchpointSchema, response.body, api.http.backend, 'the created touchpoint');
}

/** `PATCH /v1/touchpoints/{id}`: the touchpoint as changed. */
export async function updateTouchpoint(
  api: TouchpointApi,
  id: string,
  body: WireUpdateTouchpoint,
  ctx: CallContext,
): Promise<WireTouchpoint> {
  const response = await send(api, { method: 'PATCH', path: path('touchpoints', id), body }, ctx);
  return parseAnswer(wireTouchpointSchema, response.body, api.http.backend, `the updated touchpoint ${id}`);
}

/** `DELETE /v1/touchpoints/{id}`; the rest of its campaign is renumbered. */
export async function deleteTouchpoint(api: TouchpointApi, id: string, ctx: CallContext): Promise<void> {
  await send(api, { method: 'DELETE', path: path('touchpoints', id) }, ctx);
}

/** `POST /v1/touchpoints/validate`: the backend's own configuration check of one touchpoint. */
export async function validateTouchpoint(api: TouchpointApi, id: string, ctx: CallContext): Promise<{ valid: boolean; errors: string[] }> {
  const response = await send(api, { method: 'POST', path: '/v1/touchpoints/validate', body: { touchpoint_id: id } }, ctx);
  const answer = parseAnswer(wireValidationSchema, response.body, api.http.backend, `the validation of touchpoint ${id}`);
  return { valid: answer.valid, errors: answer.errors };
}
