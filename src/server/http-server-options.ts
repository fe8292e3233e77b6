import type { ServerOptions } from 'node:http';

/** Longest time a client may take to send a whole request (headers and body); default 30 s. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Longest time a client may take to send a request's headers; default 10 s. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;

/** How long the HTTP server waits for clients; see the defaults above. */
export interface HttpServerLimits {
  /** Whole request, headers and body; default 30 s. Past it: 408 and the connection closed. */
  requestTimeoutMs?: number;
  /** Headers alone; default 10 s. Past it: 408 and the connection closed. */
  headersTimeoutMs?: number;
}

/**
 * The node:http server options that bound slow clients. A request whose body
 * stalls (shorter than its Content-Length, or trickling in) would otherwise
 * hold its socket and its parser for minutes (Node's default is 300 s); these
 * cut it off with 408. They bound receiving the request only: a long answer
 * (an SSE stream, a slow backend) is not affected.
 */
export function httpServerOptions(limits: HttpServerLimits = {}): ServerOptions {
  const requestTimeout = limits.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(limits.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, requestTimeout);
  return {
    requestTimeout,
    headersTimeout,
    // How often Node checks those timeouts (default 30 s, which would let them run late by as much).
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
  };
}
