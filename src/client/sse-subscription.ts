import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient as createSseClient, NetworkError, type RequestParams } from 'graphql-sse';
import { CampaignGatewayError, fromGraphQLError, networkError } from './campaign-gateway-error.js';
import { authHeaders, fetchOf, readGraphQLResponse, requestBody, type GatewayConnection } from './graphql-http.js';

/** Options of {@link subscribeOverSse}. */
export interface SubscribeOptions {
  /** Ends the stream (and closes its connection) when aborted; default none. */
  signal?: AbortSignal;
}

/** The client's error for whatever ended a stream badly. */
async function toClientError(error: unknown): Promise<CampaignGatewayError> {
  if (error instanceof CampaignGatewayError) return error;
  const response = error instanceof NetworkError ? (error.response as Response | undefined) : undefined;
  if (response) {
    // The gateway refused the subscription before streaming (no key, a refused document): its GraphQL errors say why.
    const outcome = await readGraphQLResponse(response).catch((readError: unknown) => readError as CampaignGatewayError);
    if (outcome instanceof CampaignGatewayError) return outcome;
    return outcome.errors[0] ?? networkError(`the gateway answered HTTP ${response.status}`, { status: response.status });
  }
  return networkError(`the event stream from the gateway failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/**
 * Runs a subscription over Server-Sent Events on a streaming `fetch` body
 * (graphql-sse, one connection per subscription, no retries) and yields each
 * event's data until the gateway completes it. Returning from the loop, or
 * aborting `signal`, closes the connection, which ends the subscription on
 * the gateway.
 */
export async function* subscribeOverSse<TData, TVariables>(
  connection: GatewayConnection,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: SubscribeOptions = {},
): AsyncGenerator<TData, void, undefined> {
  const body = requestBody(connection, document as TypedDocumentNode<unknown, never>, variables as Record<string, unknown>);
  if (options.signal?.aborted) return;
  let refusedWith: number | undefined;
  const fetchImpl = fetchOf(connection);
  const sse = createSseClient({
    url: connection.url,
    headers: authHeaders(connection),
    retryAttempts: 0,
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetchImpl(input, init);
      if (response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream')) return response;
      // The gateway streams a refusal (no key, a refused document) as GraphQL errors
      // under a 4xx status; graphql-sse reads only 2xx streams, so hand it this one as such.
      refusedWith = response.status;
      return new Response(response.body, { status: 200, headers: response.headers });
    },
  });
  // The id replaces the text when persisted; graphql-sse sends the body as given.
  const results = sse.iterate<TData>(body as unknown as RequestParams);
  const stop = () => void results.return?.();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const result of results) {
      const [error] = result.errors ?? [];
      if (error) throw fromGraphQLError(error as never, refusedWith);
      if (result.data) yield result.data;
    }
  } catch (error) {
    throw await toClientError(error);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await results.return?.();
    sse.dispose();
  }
}
