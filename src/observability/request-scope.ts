import { randomUUID } from 'node:crypto';
import type { Context } from '@opentelemetry/api';

/** How a GraphQL request ended (the `outcome` of metrics and request logs). */
export type RequestOutcome =
  /** Data and no errors; for a subscription, the stream started. */
  | 'success'
  /** Data and errors: some backends failed while others answered. */
  | 'partial'
  /** Errors and no data. */
  | 'error'
  /** Refused before execution: no key, malformed, too large, over a limit, wrong method. */
  | 'rejected';

/**
 * What one request (or one WebSocket operation) did, collected while it runs, for
 * its log line and its trace. It travels explicitly, from the request to the
 * GraphQL context's call context and on to every upstream call (no async-local
 * storage: on Node 20 that costs a hook on every promise the process makes).
 */
export interface RequestScope {
  /** The client's `x-request-id` when it sent a sane one, else a new UUID. */
  readonly requestId: string;
  /** `http` (HTTP and SSE) or `websocket`. */
  readonly transport: 'http' | 'websocket';
  /** `performance.now()` at arrival. */
  readonly started: number;
  /** Backends called, in the order of their first call. */
  readonly backends: Set<string>;
  /** Upstream attempts made, retries included. */
  upstreamCalls: number;
  /** The operation's name (or the one the client asked for, cut to 100 characters); null for an anonymous one. */
  operation: string | null;
  /** `query`, `mutation`, `subscription`, or `unknown` until the document is parsed. */
  type: string;
  /** How it ended, once it did; a request that never ran has none (`rejected`). */
  outcome?: RequestOutcome;
  /** The operation's span as the parent of its upstream attempts (set by the tracing plugin). */
  trace?: Context;
  /** The operation's trace id, once its span started and is recorded (absent while spans go nowhere). */
  traceId?: string;
}

/** Ids a client may choose: short, printable, nothing that could break a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:+=/-]{1,128}$/;

/** The request id to use: the client's own when sane, else a new UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** A fresh scope for a request that starts now. */
export function newRequestScope(transport: RequestScope['transport'], clientRequestId?: string | null): RequestScope {
  return { requestId: requestIdFrom(clientRequestId), transport, started: performance.now(), backends: new Set(), upstreamCalls: 0, operation: null, type: 'unknown' };
}

/** The scope of each request in flight, by its `Request` (a WebSocket operation has a synthetic one of its own). */
const scopes = new WeakMap<Request, RequestScope>();

/** The scope of `request`; opened now (as `transport`) if it has none yet. */
export function requestScopeOf(request: Request, transport: RequestScope['transport'] = 'http'): RequestScope {
  let scope = scopes.get(request);
  if (!scope) scopes.set(request, (scope = newRequestScope(transport, transport === 'http' ? request.headers.get('x-request-id') : null)));
  return scope;
}

/** The scope of `request` if one was opened. */
export function existingRequestScope(request: Request): RequestScope | undefined {
  return scopes.get(request);
}
