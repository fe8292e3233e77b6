import type { Clock } from '../shared/clock.js';
import type { BackendRequest, BackendResponse, Route } from '../shared/json-server.js';
import type { CampaignStore, StoredCampaign } from './campaign-store.js';
import { validateCreate } from './create-campaign.js';
import { campaignStatus, resendMessage } from './delivery.js';
import { decodeGoRequest, encodeGoJson, type GoType } from './go-json.js';
import { parseRfc3339 } from './go-time.js';
import {
  createCampaignRequestType,
  deleteCampaignRequestType,
  resendCampaignMessageRequestType,
  updateCampaignRequestType,
  type CreateCampaignRequest,
  type DeleteCampaignRequest,
  type ResendCampaignMessageRequest,
  type UpdateCampaignRequest,
} from './requests.js';
import type { TemplateCatalog } from './templates.js';
import { toCampaignResponse, toMessageResponse } from './to-wire.js';

/** The state the v2 endpoints work on. */
export interface V2RouteContext {
  store: CampaignStore;
  templates: TemplateCatalog;
  clock: Clock;
  /** The server's zone, in minutes east of UTC. */
  offsetMinutes: number;
  /** Whether the next call to the messaging provider fails (consumes one failure when true). */
  upstreamFails(): boolean;
}

/** A Go handler's `json.NewEncoder(w).Encode(v)` with a status. */
export function goJson(status: number, body: unknown): BackendResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: encodeGoJson(body) };
}

const goError = (status: number, error: string) => goJson(status, { error });

const CAMPAIGN_NOT_FOUND = 'campaign not found';
const DEFAULT_RESULT_SIZE = 100;
const MAX_RESULT_SIZE = 1000;

/** Go's `strconv.Atoi`: an optional sign and decimal digits within int64. */
function atoi(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? Number(value) : undefined;
}

/** `?resultSize`: absent or not positive means 100, above 1000 means 1000. */
function resultSize(request: BackendRequest): number | BackendResponse {
  const raw = request.query.get('resultSize');
  if (raw === null || raw === '') return DEFAULT_RESULT_SIZE;
  const size = atoi(raw);
  if (size === undefined) return goError(400, 'invalid request: resultSize must be a number');
  if (size <= 0) return DEFAULT_RESULT_SIZE;
  return Math.min(size, MAX_RESULT_SIZE);
}

function decode<T>(request: BackendRequest, type: GoType): { ok: true; value: T } | { ok: false; response: BackendResponse } {
  const decoded = decodeGoRequest<T>(request.rawBody, type);
  if (decoded.ok) return decoded;
  return { ok: false, response: goError(400, `invalid request: ${decoded.message}`) };
}

/** The six endpoints of the v2 API. */
export function v2Routes(context: V2RouteContext): Route[] {
  const { store, clock, offsetMinutes } = context;
  const wireTime = () => ({ now: clock.now(), offsetMinutes });
  const campaignJson = (campaign: StoredCampaign) => toCampaignResponse(campaign, store.messagesOf(campaign.id), wireTime());

  return [
    {
      method: 'POST',
      path: '/v2/campaign/create',
      handler: (request) => {
        const body = decode<CreateCampaignRequest>(request, createCampaignRequestType);
        if (!body.ok) return body.response;
        const validation = validateCreate(body.value, context.templates, clock.now());
        if (!validation.ok) return goError(400, validation.message);
        if (context.upstreamFails()) return goError(502, 'upstream service call failed');
        return goJson(200, campaignJson(store.create(validation.draft)));
      },
    },
    {
      method: 'DELETE',
      path: '/v2/campaign/delete',
      handler: (request) => {
        const body = decode<DeleteCampaignRequest>(request, deleteCampaignRequestType);
        if (!body.ok) return body.response;
        const removed = store.delete(body.value.ID);
        if (!removed) return goError(404, CAMPAIGN_NOT_FOUND);
        return goJson(200, toCampaignResponse(removed.campaign, removed.messages, wireTime()));
      },
    },
    {
      method: 'GET',
      path: '/v2/campaign/getAll',
      handler: (request) => {
        const size = resultSize(request);
        if (typeof size !== 'number') return size;
        const data = store.list().slice(0, size).map(campaignJson);
        return goJson(200, { data, count: data.length });
      },
    },
    {
      method: 'GET',
      path: '/v2/campaign/getCampMsgs',
      handler: (request) => {
        const raw = request.query.get('campaignID');
        if (raw === null || raw === '') return goError(400, 'invalid request: campaignID is required');
        const id = atoi(raw);
        if (id === undefined) return goError(400, 'invalid request: campaignID must be a number');
        const size = resultSize(request);
        if (typeof size !== 'number') return size;
        if (!store.get(id)) return goError(404, CAMPAIGN_NOT_FOUND);
        const data = store
          .messagesOf(id)
          .slice(0, size)
          .map((message) => toMessageResponse(message, offsetMinutes));
        return goJson(200, { data, count: data.length });
      },
    },
    {
      method: 'POST',
      path: '/v2/campaign/resendMsg',
      handler: (request) => {
        const body = decode<ResendCampaignMessageRequest>(request, resendCampaignMessageRequestType);
        if (!body.ok) return body.response;
        const message = store.findMessage(body.value.MessageKey);
        if (!message) return goError(404, 'message not found');
        if (message.status !== 'failed') return goError(400, 'only failed messages can be resent');
        if (context.upstreamFails()) return goError(502, 'upstream service call failed');
        resendMessage(message, store.get(message.campaignId), clock.now());
        return goJson(200, toMessageResponse(message, offsetMinutes));
      },
    },
    {
      method: 'PUT',
      path: '/v2/campaign/update',
      handler: (request) => {
        const body = decode<UpdateCampaignRequest>(request, updateCampaignRequestType);
        if (!body.ok) return body.response;
        const { ID, Name, SendAt } = body.value;
        let sendAt: number | undefined;
        if (SendAt !== '') {
          sendAt = parseRfc3339(SendAt);
          if (sendAt === undefined) return goError(400, 'invalid request: SendAt must be RFC 3339');
        }
        const campaign = store.get(ID);
        if (!campaign) return goError(404, CAMPAIGN_NOT_FOUND);
        const now = clock.now();
        if (campaignStatus(campaign, store.messagesOf(ID), now) !== 'scheduled') {
          return goError(400, 'only scheduled campaigns can be updated (name and SendAt fields only)');
        }
        // Empty fields keep their value: the request only says what changes.
        if (Name.trim() !== '') campaign.name = Name;
        if (sendAt !== undefined) campaign.sendAt = sendAt;
        campaign.updatedAt = now;
        return goJson(200, campaignJson(campaign));
      },
    },
  ];
}
