import type { BackendHttpClient } from '../http/backend-client.js';
import type { CallContext } from '../http/call-context.js';
import { clientForBackend } from '../http/client-for-backend.js';
import type { AdapterDeps } from '../seam/adapter-factory.js';
import type { SchemaTypeConfig } from './config.js';
import { parseAnswer } from '../wire-records.js';
import { GatewayError } from '../../model/errors.js';
import { toGatewayError } from './errors.js';
import { searchAnswerSchema, wireCampaignSchema, type SearchAnswer, type WireCampaign, type WireCampaignData } from './wire.js';

/** The API of one configured schema-type service: its HTTP client, which sends the token and the tenant, and its page size. */
export interface SchemaTypeApi {
  http: BackendHttpClient;
  /** Rows per search request, 1 to {@link MAX_ROWS}. */
  pageRows: number;
}

/** Tuning that is not part of the config file. */
export interface SchemaTypeApiOptions {
  /** Rows per search request; default (and at most) 100, for the fewest round trips. */
  pageRows?: number;
}

/** The API of a `schemaType` backend entry: a bearer token and `X-Tenant-Id` on every request. */
export function connectSchemaType(config: SchemaTypeConfig, deps: AdapterDeps, options: SchemaTypeApiOptions = {}): SchemaTypeApi {
  const http = clientForBackend(config, deps, { authorization: `Bearer ${config.token}`, 'x-tenant-id': config.tenantId });
  return { http, pageRows: Math.min(MAX_ROWS, Math.max(1, options.pageRows ?? MAX_ROWS)) };
}

/**
 * One function per endpoint of the schema-type service (its object type
 * `campaign`): each takes the API first and the call context last, and returns
 * parsed wire data or throws a GatewayError.
 */

/** Where campaigns live below the configured base URL (the object type `campaign`). */
const CAMPAIGNS_PATH = '/api/v1/schema-types/campaign';

/** Largest `rows` the service accepts. */
export const MAX_ROWS = 100;

/** Parameters of one search (`GET /`). */
export interface SearchParams {
  /** Lucene-style query; undefined: everything. */
  q?: string;
  /** `FIELD asc|desc` over `createdAt`, `modifiedAt` or `name`. */
  sort: string;
  /** Page size, at most {@link MAX_ROWS}. */
  rows: number;
  /** Offset of the first result. */
  start: number;
}

const campaignPath = (id: string) => `${CAMPAIGNS_PATH}/${encodeURIComponent(id)}`;
const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * One page of a search. A refusal of the query itself (`400`) is a
 * `BACKEND_ERROR` carrying `upstreamStatus` 400: the gateway built the query,
 * so it is not the caller's input that is at fault.
 */
export async function searchCampaigns(api: SchemaTypeApi, params: SearchParams, ctx: CallContext): Promise<SearchAnswer> {
  const { http } = api;
  const query = { q: params.q, sort: params.sort, rows: params.rows, start: params.start };
  const response = await http.request({ method: 'GET', path: CAMPAIGNS_PATH, query }, ctx);
  if (response.status === 200) return parseAnswer(searchAnswerSchema, response.body, http.backend, 'a campaign search');
  const message = (response.body as { message?: unknown } | undefined)?.message;
  throw new GatewayError(
    'BACKEND_ERROR',
    `backend "${http.backend}" answered ${response.status} to a campaign search${typeof message === 'string' ? ` (${message})` : ''}`,
    { backend: http.backend, upstreamStatus: response.status },
  );
}

/** One campaign by `campaignId` (or `_id`); null when the service does not know it. */
export async function retrieveCampaign(api: SchemaTypeApi, id: string, ctx: CallContext): Promise<WireCampaign | null> {
  const { http } = api;
  if (id === '') return null;
  const response = await http.request({ method: 'GET', path: campaignPath(id) }, ctx);
  if (response.status === 404) return null;
  if (response.status !== 200) throw toGatewayError(http.backend, response, `campaign "${id}"`);
  return parseAnswer(wireCampaignSchema, response.body, http.backend, `campaign "${id}"`);
}

/** Creates a campaign (`POST /` with `{"data": …}`) and returns the object the service made. */
export async function createCampaign(api: SchemaTypeApi, data: WireCampaignData, ctx: CallContext): Promise<WireCampaign> {
  const { http } = api;
  const response = await http.request({ method: 'POST', path: CAMPAIGNS_PATH, body: { data } }, ctx);
  if (!isSuccess(response.status)) throw toGatewayError(http.backend, response, 'the new campaign');
  return parseAnswer(wireCampaignSchema, response.body, http.backend, 'the created campaign');
}

/** Changes some fields of a campaign (`PATCH /{id}`) and returns the whole object. */
export async function updateCampaign(
  api: SchemaTypeApi,
  id: string,
  data: WireCampaignData,
  ctx: CallContext,
): Promise<WireCampaign> {
  const { http } = api;
  const response = await http.request({ method: 'PATCH', path: campaignPath(id), body: { data } }, ctx);
  if (!isSuccess(response.status)) throw toGatewayError(http.backend, response, `campaign "${id}"`);
  return parseAnswer(wireCampaignSchema, response.body, http.backend, `the updated campaign "${id}"`);
}

/** Soft-deletes a campaign (`DELETE /{id}`). */
export async function deleteCampaign(api: SchemaTypeApi, id: string, ctx: CallContext): Promise<void> {
  const { http } = api;
  const response = await http.request({ method: 'DELETE', path: campaignPath(id) }, ctx);
  if (!isSuccess(response.status)) throw toGatewayError(http.backend, response, `campaign "${id}"`);
}
