import type { YogaInitialContext } from 'graphql-yoga';
import type { BackendAdapter, CallContext } from '../adapters/adapter.js';
import { UpstreamCache } from '../adapters/http/upstream-cache.js';
import type { Scope } from '../config/config-schema.js';
import type { GatewayError } from '../model/errors.js';
import type { CursorSigner } from '../gateway/cursor-signer.js';
import { createLoaders, type Loaders } from '../gateway/loaders.js';
import type { BackendSet } from '../gateway/backend-set.js';
import type { DeliveryStatsHub } from '../live/delivery-stats-hub.js';

/** Who is calling, as the API-key check decided. */
export interface Caller {
  /** Scopes granted; every scope when the gateway runs without `auth`. */
  scopes: ReadonlySet<Scope>;
}

/** The per-request GraphQL context. */
export interface GatewayContext {
  backends: BackendSet;
  /** Per-request DataLoaders: batched, deduplicated lookups. */
  loaders: Loaders;
  /** Passed to every adapter call: the client's abort signal and the per-request upstream memo. */
  call: CallContext;
  caller: Caller;
  /** Errors of backends that failed while others answered; appended to the response. */
  partialErrors: GatewayError[];
  live: DeliveryStatsHub;
  /** Signs the cursors handed out and verifies those that come back. */
  cursors: CursorSigner;
}

/** What the server passes in for every request. */
export interface ContextDeps {
  backends: BackendSet;
  live: DeliveryStatsHub;
  /** Scopes of the request's API key (set by the auth plugin). */
  scopesOf: (initial: YogaInitialContext) => ReadonlySet<Scope>;
  cursors: CursorSigner;
  /** Aborted at shutdown, past the drain deadline: every upstream call of the request ends with it. */
  shutdown?: AbortSignal;
}

export function createContext(deps: ContextDeps, initial: YogaInitialContext): GatewayContext {
  const signal = deps.shutdown ? AbortSignal.any([initial.request.signal, deps.shutdown]) : initial.request.signal;
  const call: CallContext = { signal, cache: new UpstreamCache() };
  return {
    backends: deps.backends,
    loaders: createLoaders(deps.backends, call),
    call,
    caller: { scopes: deps.scopesOf(initial) },
    partialErrors: [],
    live: deps.live,
    cursors: deps.cursors,
  };
}

export type { BackendAdapter };
