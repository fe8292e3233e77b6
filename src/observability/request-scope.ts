import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What one request (or one WebSocket operation) did, collected while it runs, for its log line. */
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
  /** The operation's trace id, once its span started (absent while tracing is off). */
  traceId?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Ids a client may choose: short, printable, nothing that could break a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:+=/-]{1,128}$/;

/** The request id to use: the client's own when sane, else a new UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** A fresh scope for a request that starts now. */
export function newRequestScope(transport: RequestScope['transport'], clientRequestId?: string | null): RequestScope {
  return { requestId: requestIdFrom(clientRequestId), transport, started: performance.now(), backends: new Set(), upstreamCalls: 0 };
}

/** Runs `fn` (and everything it starts, asynchronously too) within `scope`. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request the caller is working for; undefined outside any (pollers, startup). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `fn` outside any request scope. */
export function outsideRequestScope<T>(fn: () => T): T {
  return storage.exit(fn);
}
