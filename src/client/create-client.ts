import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createCampaignApi, type CampaignApi } from './campaign-api.js';
import { dataOrThrow, executeOverHttp, type GatewayConnection } from './graphql-http.js';
import { subscribeOverSse } from './sse-subscription.js';

/** Options of {@link createClient}. */
export interface ClientOptions extends GatewayConnection {
  /** Where `campaign.create` goes when given no `backend`; default none (then `backend` is required). */
  defaultBackend?: string;
}

/** A client of one gateway. */
export interface CampaignGatewayClient {
  /** Campaigns and touchpoints, in the shape of the campaign SDK. */
  campaign: CampaignApi;
  /**
   * Runs a query or mutation given as a typed document (every operation the
   * client uses is exported as one) and answers its data. Any error in the
   * result is thrown as a `CampaignGatewayError`.
   */
  request<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables): Promise<TData>;
}

/**
 * Makes a client of the gateway at `options.url`. It talks GraphQL over
 * `fetch` (and Server-Sent Events on a streaming `fetch` body for live
 * counters), so it runs in Node 20+ and in browsers alike.
 */
export function createClient(options: ClientOptions): CampaignGatewayClient {
  if (typeof options?.url !== 'string' || options.url === '') throw new TypeError('createClient: `url` (the gateway\'s /graphql URL) is required');
  const connection: GatewayConnection = { url: options.url, apiKey: options.apiKey, fetch: options.fetch, persisted: options.persisted };
  const campaign = createCampaignApi({
    execute: (document, variables) => executeOverHttp(connection, document, variables),
    subscribe: (document, variables, subscribeOptions) => subscribeOverSse(connection, document, variables, subscribeOptions),
    defaultBackend: options.defaultBackend,
  });
  return {
    campaign,
    async request(document, variables) {
      return dataOrThrow(await executeOverHttp(connection, document, variables));
    },
  };
}
