import type { ZodType } from 'zod';
import type { CallContext } from '../http/call-context.js';
import type { BackendHttpClient } from '../http/backend-client.js';
import type { UpstreamRequest, UpstreamResponse } from '../http/upstream-request.js';
import { parseAnswer, parseRecords, type ParsedRecords } from '../wire-records.js';
import { toGatewayError } from './to-gateway-error.js';
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

/**
 * One function per endpoint of the touchpoint API (`/v1`). Each returns parsed
 * wire data or throws a GatewayError; a `404` on a read by id is `null`.
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

async function send(http: BackendHttpClient, ctx: CallContext, request: UpstreamRequest): Promise<UpstreamResponse> {
  const response = await http.request(request, ctx);
  if (response.status >= 400) throw toGatewayError(response, http.backend);
  return response;
}

/** Like {@link send}, but a `404` answers undefined (a read by id of something that is not there). */
async function sendOrMissing(http: BackendHttpClient, ctx: CallContext, request: UpstreamRequest): Promise<UpstreamResponse | undefined> {
  const response = await http.request(request, ctx);
  if (response.status === 404) return undefined;
  if (response.status >= 400) throw toGatewayError(response, http.backend);
  return response;
}

function describeRecord(kind: string) {
  return (record: unknown, index: number) => {
    const id = (record as { _id?: unknown } | null)?._id;
    return typeof id === 'string' ? `${kind} ${id}` : `${kind} #${index + 1} of a page`;
  };
}

function toPage<T>(http: BackendHttpClient, body: unknown, schema: ZodType<T>, kind: string): WirePage<T> {
  const page = parseAnswer(wireListPageSchema, body, http.backend, `a ${kind} list page`);
  return { ...parseRecords(schema, page.data, http.backend, describeRecord(kind)), nextCursor: page.next_cursor ?? null };
}

/** `GET /v1/campaigns`: a page, newest first. */
export async function listCampaignPage(http: BackendHttpClient, ctx: CallContext, page: PageParams): Promise<WirePage<WireCampaign>> {
  const response = await send(http, ctx, { method: 'GET', path: path('campaigns'), query: { limit: page.limit, cursor: page.cursor ?? undefined } });
  return toPage(http, response.body, wireCampaignSchema, 'campaign');
}

/** `GET /v1/campaigns/{id}`; null when there is no such campaign. */
export async function getCampaign(http: BackendHttpClient, ctx: CallContext, id: string): Promise<WireCampaign | null> {
  const response = await sendOrMissing(http, ctx, { method: 'GET', path: path('campaigns', id) });
  return response ? parseAnswer(wireCampaignSchema, response.body, http.backend, `campaign ${id}`) : null;
}

/** `POST /v1/campaigns`: the new campaign (a draft). */
export async function createCampaign(http: BackendHttpClient, ctx: CallContext, body: WireCreateCampaign): Promise<WireCampaign> {
  const response = await send(http, ctx, { method: 'POST', path: path('campaigns'), body });
  return parseAnswer(wireCampaignSchema, response.body, http.backend, 'the created campaign');
}

/** `DELETE /v1/campaigns/{id}` (its touchpoints go with it); `NOT_FOUND` when there is no such campaign. */
export async function deleteCampaign(http: BackendHttpClient, ctx: CallContext, id: string): Promise<void> {
  await send(http, ctx, { method: 'DELETE', path: path('campaigns', id) });
}

/** `GET /v1/touchpoints?campaign_id=…`: a page of one campaign's touchpoints in position order; null when the campaign is unknown. */
export async function listTouchpointPage(
  http: BackendHttpClient,
  ctx: CallContext,
  campaignId: string,
  page: PageParams,
): Promise<WirePage<WireTouchpoint> | null> {
  const query = { campaign_id: campaignId, limit: page.limit, cursor: page.cursor ?? undefined };
  const response = await sendOrMissing(http, ctx, { method: 'GET', path: path('touchpoints'), query });
  return response ? toPage(http, response.body, wireTouchpointSchema, 'touchpoint') : null;
}

/** `GET /v1/touchpoints/{id}`; null when there is no such touchpoint. */
export async function getTouchpoint(http: BackendHttpClient, ctx: CallContext, id: string): Promise<WireTouchpoint | null> {
  const response = await sendOrMissing(http, ctx, { method: 'GET', path: path('touchpoints', id) });
  return response ? parseAnswer(wireTouchpointSchema, response.body, http.backend, `touchpoint ${id}`) : null;
}

/** `POST /v1/touchpoints`: the new touchpoint, appended to its campaign. */
export async function createTouchpoint(http: BackendHttpClient, ctx: CallContext, body: WireCreateTouchpoint): Promise<WireTouchpoint> {
  const response = await send(http, ctx, { method: 'POST', path: path('touchpoints'), body });
  return parseAnswer(wireTouchpointSchema, response.body, http.backend, 'the created touchpoint');
}

/** `PATCH /v1/touchpoints/{id}`: the touchpoint as changed. */
export async function updateTouchpoint(
  http: BackendHttpClient,
  ctx: CallContext,
  id: string,
  body: WireUpdateTouchpoint,
): Promise<WireTouchpoint> {
  const response = await send(http, ctx, { method: 'PATCH', path: path('touchpoints', id), body });
  return parseAnswer(wireTouchpointSchema, response.body, http.backend, `the updated touchpoint ${id}`);
}

/** `DELETE /v1/touchpoints/{id}`; the rest of its campaign is renumbered. */
export async function deleteTouchpoint(http: BackendHttpClient, ctx: CallContext, id: string): Promise<void> {
  await send(http, ctx, { method: 'DELETE', path: path('touchpoints', id) });
}

/** `POST /v1/touchpoints/validate`: the backend's own configuration check of one touchpoint. */
export async function validateTouchpoint(http: BackendHttpClient, ctx: CallContext, id: string): Promise<{ valid: boolean; errors: string[] }> {
  const response = await send(http, ctx, { method: 'POST', path: '/v1/touchpoints/validate', body: { touchpoint_id: id } });
  const answer = parseAnswer(wireValidationSchema, response.body, http.backend, `the validation of touchpoint ${id}`);
  return { valid: answer.valid, errors: answer.errors };
}
