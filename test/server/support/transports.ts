import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { subscribeOverSse } from './sse.js';

/** One GraphQL answer, whatever carried it. */
export interface TransportResult {
  /** HTTP status; for WebSocket, 101 once the socket is up. */
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs one operation and answers its first result. */
export type Transport = (operation: { query: string; variables?: Record<string, unknown> }) => Promise<TransportResult>;

export function overPost(endpoint: string, headers: Record<string, string>): Transport {
  return async ({ query, variables }) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
}

export function overGet(endpoint: string, headers: Record<string, string>): Transport {
  return async ({ query, variables }) => {
    const params = new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) });
    const response = await fetch(`${endpoint}?${params}`, { headers: { accept: 'application/graphql-response+json', ...headers } });
    return { status: response.status, ...((await response.json()) as object) };
  };
}

/** Server-Sent Events: the first `next` event, or the refusal when no stream opened. */
export function overSse(endpoint: string, headers: Record<string, string>): Transport {
  return async ({ query, variables }) => {
    const subscription = await subscribeOverSse(endpoint, query, variables, headers);
    try {
      if (subscription.refusal) return { status: subscription.status, ...subscription.refusal };
      return { status: subscription.status, ...(await subscription.next()) };
    } finally {
      subscription.close();
    }
  };
}

/** A graphql-transport-ws client that never reconnects, and what closed its socket. */
export interface WebSocketSession {
  client: Client;
  run: Transport;
  /** The close code of the socket, once closed. */
  closeCode(): number | undefined;
  dispose(): Promise<void>;
}

export function webSocketSession(endpoint: string, connectionParams: Record<string, unknown> | undefined): WebSocketSession {
  let code: number | undefined;
  const client = createClient({
    url: endpoint.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    // One socket for every operation of the session, until it is disposed.
    lazyCloseTimeout: 60_000,
    on: { closed: (event) => (code = (event as { code?: number }).code) },
  });
  return {
    client,
    closeCode: () => code,
    async run({ query, variables }) {
      const iterator = client.iterate({ query, variables });
      try {
        const first = await iterator.next();
        return { status: 101, ...(first.value as object) };
      } catch (error) {
        // An `error` message (the document did not validate) arrives as the list of its errors.
        if (Array.isArray(error)) return { status: 101, errors: error };
        throw error;
      } finally {
        await iterator.return?.();
      }
    },
    async dispose() {
      await client.dispose();
    },
  };
}
