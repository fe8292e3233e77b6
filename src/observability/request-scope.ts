import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';

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

/** What async work carries along: the request it belongs to, and OpenTelemetry's active context. */
interface Ambient {
  scope: RequestScope | undefined;
  trace: Context;
}

/**
 * One async-local store for both (see {@link RequestScopeContextManager}): on Node 20
 * every AsyncLocalStorage in use runs a hook on every promise the process makes.
 */
const storage = new AsyncLocalStorage<Ambient>();

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
  return storage.run({ scope, trace: storage.getStore()?.trace ?? ROOT_CONTEXT }, fn);
}

/** The scope of the request the caller is working for; undefined outside any (pollers, startup). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore()?.scope;
}

/** Runs `fn` outside any request scope (the active trace context stays). */
export function outsideRequestScope<T>(fn: () => T): T {
  const ambient = storage.getStore();
  return ambient?.scope ? storage.run({ scope: undefined, trace: ambient.trace }, fn) : fn();
}

/**
 * OpenTelemetry's context manager, keeping the active context in the request
 * scope's own async-local store instead of a second AsyncLocalStorage (which
 * would double the work done on every promise). Registered by `installTracing`.
 */
export class RequestScopeContextManager implements ContextManager {
  active(): Context {
    return storage.getStore()?.trace ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(context: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return storage.run({ scope: storage.getStore()?.scope, trace: context }, () => fn.call(thisArg, ...args));
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = target as (this: unknown, ...args: unknown[]) => unknown;
    const manager = this;
    return function (this: unknown, ...args: unknown[]) {
      return manager.with(context, () => run.apply(this, args));
    } as T;
  }

  enable(): this {
    return this;
  }

  /** Leaves the store alone: request scopes go on without tracing. */
  disable(): this {
    return this;
  }
}
