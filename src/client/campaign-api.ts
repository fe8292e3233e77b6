import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CampaignGatewayError } from './campaign-gateway-error.js';
import {
  CreateCampaignDocument,
  CreateTouchpointDocument,
  DeleteCampaignDocument,
  DeleteTouchpointDocument,
  GetCampaignDocument,
  GetTouchpointDocument,
  ListCampaignsDocument,
  ListTouchpointsDocument,
  UpdateTouchpointDocument,
  ValidateTouchpointDocument,
  WatchDeliveryStatsDocument,
  type CampaignFilter,
} from './generated/graphql.js';
import { dataOrThrow, type GraphQLOutcome } from './graphql-http.js';
import { decodePageCursor, encodePageCursor } from './page-cursor.js';
import {
  toCampaign,
  toDeliveryStats,
  toTouchpoint,
  upper,
  type Campaign,
  type CampaignPage,
  type CreateCampaignParams,
  type CreateTouchpointParams,
  type DeliveryStats,
  type ListCampaignsParams,
  type Touchpoint,
  type TouchpointValidation,
  type UpdateTouchpointParams,
} from './records.js';
import type { SubscribeOptions } from './sse-subscription.js';

/** `client.campaign`: campaigns and their touchpoints on every backend behind the gateway. */
export interface CampaignApi {
  /** One page of campaigns across the chosen backends, newest first; follow `next` for the rest. */
  list(params?: ListCampaignsParams): Promise<CampaignPage>;
  /** A campaign by id; `NOT_FOUND` when there is none. */
  get(id: string): Promise<Campaign>;
  /** Creates a campaign on `backend` (default the client's `defaultBackend`). */
  create(params: CreateCampaignParams): Promise<Campaign>;
  delete(id: string): Promise<void>;
  /** All of a campaign's touchpoints, in position order; `UNSUPPORTED` where its backend has none. */
  listTouchpoints(params: { campaign_id: string }): Promise<{ data: Touchpoint[] }>;
  /** A touchpoint by id; `NOT_FOUND` when there is none. */
  getTouchpoint(id: string): Promise<Touchpoint>;
  createTouchpoint(params: CreateTouchpointParams): Promise<Touchpoint>;
  updateTouchpoint(id: string, params: UpdateTouchpointParams): Promise<Touchpoint>;
  deleteTouchpoint(id: string): Promise<void>;
  /** Whether a touchpoint is configured well enough to run, and what is wrong if not. */
  validateTouchpoint(params: { touchpoint_id: string }): Promise<TouchpointValidation>;
  /**
   * The campaign's delivery counters now, then each change, until the campaign
   * can send no more (the last event has `done: true`). Breaking out of the
   * loop, or aborting `options.signal`, closes the stream.
   */
  watchDeliveryStats(campaignId: string, options?: SubscribeOptions): AsyncGenerator<DeliveryStats, void, undefined>;
}

/** What {@link createCampaignApi} runs operations with. */
export interface CampaignApiDeps {
  execute<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<GraphQLOutcome<TData>>;
  subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options?: SubscribeOptions): AsyncGenerator<TData, void, undefined>;
  /** Where `create` goes when given no `backend`. */
  defaultBackend?: string;
}

const DEFAULT_LIMIT = 20;

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

const asList = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

function toFilter(params: ListCampaignsParams): CampaignFilter {
  return {
    backends: asList(params.backend),
    status: asList(params.status)?.map(upper),
    channels: asList(params.channel_type)?.map(upper),
    nameContains: params.name_contains,
  };
}

function notFound(what: string): CampaignGatewayError {
  return new CampaignGatewayError(`${what} not found`, { code: 'NOT_FOUND' });
}

/** Builds `client.campaign` over a way to run the client's operations. */
export function createCampaignApi(deps: CampaignApiDeps): CampaignApi {
  const run = async <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) =>
    dataOrThrow(await deps.execute(document, variables));

  return {
    async list(params = {}) {
      const { cursor, ...given } = params;
      const resumed = cursor ? decodePageCursor(cursor) : undefined;
      // A `next` carries its list's filters; what is given beside it (a new `limit`) wins, what is left undefined does not.
      const query: ListCampaignsParams = { ...resumed?.params, ...definedOnly(given) };
      const limit = query.limit ?? DEFAULT_LIMIT;
      const outcome = await deps.execute(ListCampaignsDocument, { first: limit, after: resumed?.after, filter: toFilter(query) });
      const page = outcome.data?.campaigns;
      if (!page) throw outcome.errors[0] ?? new CampaignGatewayError('the gateway answered no campaigns', { code: 'NETWORK_ERROR' });
      const { endCursor, hasNextPage } = page.pageInfo;
      return {
        data: page.nodes.map(toCampaign),
        next: hasNextPage && endCursor ? encodePageCursor({ after: endCursor, params: { ...query, limit } }) : null,
        errors: outcome.errors,
      };
    },

    async get(id) {
      const { campaign } = await run(GetCampaignDocument, { id });
      if (!campaign) throw notFound(`campaign "${id}"`);
      return toCampaign(campaign);
    },

    async create(params) {
      const { name, channel_type, channels, backend, ...rest } = params;
      const target = backend ?? deps.defaultBackend;
      if (!target) {
        throw new CampaignGatewayError('create needs a `backend` (or the client\'s `defaultBackend`)', { code: 'BAD_USER_INPUT', field: 'backend' });
      }
      const wanted = channels ?? (channel_type ? [channel_type] : undefined);
      const input = { ...rest, backend: target, name, ...(wanted ? { channels: wanted.map(upper) } : {}) };
      const { createCampaign } = await run(CreateCampaignDocument, { input });
      return toCampaign(createCampaign);
    },

    async delete(id) {
      await run(DeleteCampaignDocument, { id });
    },

    async listTouchpoints({ campaign_id }) {
      const { campaign } = await run(ListTouchpointsDocument, { campaignId: campaign_id });
      if (!campaign) throw notFound(`campaign "${campaign_id}"`);
      if (!campaign.touchpoints) {
        const backend = campaign.backend.name;
        throw new CampaignGatewayError(`backend "${backend}" has no touchpoints`, { code: 'UNSUPPORTED', backend });
      }
      return { data: campaign.touchpoints.map(toTouchpoint) };
    },

    async getTouchpoint(id) {
      const { touchpoint } = await run(GetTouchpointDocument, { id });
      if (!touchpoint) throw notFound(`touchpoint "${id}"`);
      return toTouchpoint(touchpoint);
    },

    async createTouchpoint(params) {
      const { campaign_id, name, type, channel, message, rawType, config } = params;
      const input = { campaignId: campaign_id, name, type: upper(type), channel: channel && upper(channel), message, rawType, config };
      const { createTouchpoint } = await run(CreateTouchpointDocument, { input });
      return toTouchpoint(createTouchpoint);
    },

    async updateTouchpoint(id, params) {
      const { updateTouchpoint } = await run(UpdateTouchpointDocument, { id, input: params });
      return toTouchpoint(updateTouchpoint);
    },

    async deleteTouchpoint(id) {
      await run(DeleteTouchpointDocument, { id });
    },

    async validateTouchpoint({ touchpoint_id }) {
      const { validateTouchpoint } = await run(ValidateTouchpointDocument, { id: touchpoint_id });
      return { valid: validateTouchpoint.valid, errors: [...validateTouchpoint.errors] };
    },

    async *watchDeliveryStats(campaignId, options) {
      for await (const event of deps.subscribe(WatchDeliveryStatsDocument, { campaignId }, options)) {
        const stats = toDeliveryStats(event.deliveryStats);
        yield stats;
        // The gateway completes the stream after this event anyway; no need to wait for it.
        if (stats.done) return;
      }
    },
  };
}
