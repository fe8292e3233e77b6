import type { BackendHttpClient } from '../http/backend-client.js';
import type { CallContext } from '../http/call-context.js';
import { clientForBackend } from '../http/client-for-backend.js';
import type { AdapterDeps } from '../seam/adapter-factory.js';
import type { V2Config } from './config.js';
import type { UpstreamResponse } from '../http/upstream-request.js';
import { parseAnswer, parseRecords } from '../wire-records.js';
import type { GatewayError } from '../../model/errors.js';
import { toGatewayError, type V2Operation } from './errors.js';
import {
  v2CampaignSchema,
  v2ListEnvelopeSchema,
  v2MessageSchema,
  type V2Campaign,
  type V2CreateCampaignRequest,
  type V2Message,
  type V2UpdateCampaignRequest,
} from './wire.js';

/** The API of one configured v2 backend: its HTTP client, which sends the API key. */
export interface V2Api {
  http: BackendHttpClient;
}

/** The API of a v2 backend entry: every request carries `X-API-Key`. */
export function connectV2(config: V2Config, deps: AdapterDeps): V2Api {
  return { http: clientForBackend(config, deps, { 'x-api-key': config.apiKey }) };
}

/**
 * One function per v2 endpoint: each takes the API first and the call context
 * last, and returns parsed wire data or throws a GatewayError; none of the
 * writes is idempotent, so none is ever retried.
 */

/**
 * The most `getAll` returns. It has no cursor and lists newest first, so campaigns
 * older than the newest 1000 cannot be reached through this API at all.
 */
export const MAX_RESULT_SIZE = 1000;

/** A bad campaign record, with its id when the record shows one (so a lookup by id can report it). */
export interface CampaignRecordError {
  nativeId: string | null;
  error: GatewayError;
}

/** The campaigns of a `getAll` answer that match the wire schema, and one error per record that does not. */
export interface CampaignRecords {
  campaigns: V2Campaign[];
  errors: CampaignRecordError[];
}

function describeCampaign(record: unknown, index: number): string {
  const id = nativeIdOf(record);
  return id === null ? `campaign record #${index}` : `campaign ${id}`;
}

function nativeIdOf(record: unknown): string | null {
  const id = (record as { ID?: unknown } | null)?.ID;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}

function expectOk(operation: V2Operation, response: UpstreamResponse, backend: string): unknown {
  if (response.status >= 200 && response.status < 300) return response.body;
  throw toGatewayError(operation, response, backend);
}

/**
 * `GET /v2/campaign/getAll?resultSize=1000`: the newest 1000 campaigns. Every read
 * of campaigns uses this one URL, so the per-request memo sends it once.
 */
export async function getAllCampaigns(api: V2Api, ctx: CallContext): Promise<CampaignRecords> {
  const { http } = api;
  const response = await http.request({ method: 'GET', path: '/v2/campaign/getAll', query: { resultSize: MAX_RESULT_SIZE } }, ctx);
  const body = expectOk('list', response, http.backend);
  const envelope = parseAnswer(v2ListEnvelopeSchema, body, http.backend, 'the campaign list');
  const campaigns: V2Campaign[] = [];
  const errors: CampaignRecordError[] = [];
  (envelope.data ?? []).forEach((record, index) => {
    const parsed = parseRecords(v2CampaignSchema, [record], http.backend, () => describeCampaign(record, index));
    campaigns.push(...parsed.valid);
    for (const error of parsed.errors) errors.push({ nativeId: nativeIdOf(record), error });
  });
  return { campaigns, errors };
}

/**
 * `GET /v2/campaign/getCampMsgs?campaignID=…&resultSize=1000`: a campaign's
 * messages (at most 1000: the endpoint has no cursor); null for an unknown campaign.
 * A message breaking the wire schema fails the whole answer: a page has no
 * place to report a left-out record, and silently shorter pages would lie.
 */
export async function getCampaignMessages(api: V2Api, campaignId: number, ctx: CallContext): Promise<V2Message[] | null> {
  const { http } = api;
  const response = await http.request(
    { method: 'GET', path: '/v2/campaign/getCampMsgs', query: { campaignID: campaignId, resultSize: MAX_RESULT_SIZE } },
    ctx,
  );
  if (response.status === 404) return null;
  const body = expectOk('messages', response, http.backend);
  const envelope = parseAnswer(v2ListEnvelopeSchema, body, http.backend, 'the message list');
  const parsed = parseRecords(v2MessageSchema, envelope.data ?? [], http.backend, (record, index) => {
    const key = (record as { MessageKey?: unknown } | null)?.MessageKey;
    return typeof key === 'string' ? `message ${key}` : `message record #${index}`;
  });
  if (parsed.errors[0]) throw parsed.errors[0];
  return parsed.valid;
}

/** `POST /v2/campaign/create`: answers the new campaign. */
export async function createCampaign(api: V2Api, body: V2CreateCampaignRequest, ctx: CallContext): Promise<V2Campaign> {
  const { http } = api;
  const response = await http.request({ method: 'POST', path: '/v2/campaign/create', body }, ctx);
  return parseAnswer(v2CampaignSchema, expectOk('create', response, http.backend), http.backend, 'the created campaign');
}

/** `PUT /v2/campaign/update`: answers the campaign as it is now. */
export async function updateCampaign(api: V2Api, body: V2UpdateCampaignRequest, ctx: CallContext): Promise<V2Campaign> {
  const { http } = api;
  const response = await http.request({ method: 'PUT', path: '/v2/campaign/update', body }, ctx);
  return parseAnswer(v2CampaignSchema, expectOk('update', response, http.backend), http.backend, 'the updated campaign');
}

/** `DELETE /v2/campaign/delete` with `{"ID": id}`. */
export async function deleteCampaign(api: V2Api, id: number, ctx: CallContext): Promise<void> {
  const { http } = api;
  const response = await http.request({ method: 'DELETE', path: '/v2/campaign/delete', body: { ID: id } }, ctx);
  expectOk('delete', response, http.backend);
}

/** `POST /v2/campaign/resendMsg`: answers the message, `pending` again. */
export async function resendMessage(api: V2Api, messageKey: string, ctx: CallContext): Promise<V2Message> {
  const { http } = api;
  const response = await http.request({ method: 'POST', path: '/v2/campaign/resendMsg', body: { MessageKey: messageKey } }, ctx);
  return parseAnswer(v2MessageSchema, expectOk('resend', response, http.backend), http.backend, 'the resent message');
}
