import type { YogaInitialContext } from 'graphql-yoga';
import type { CallContext } from '../adapters/http/call-context.js';
import { followSignal } from '../adapters/http/follow-signal.js';
import { UpstreamCache } from '../adapters/http/upstream-cache.js';
import type { Scope } from '../config/config-schema.js';
import type { GatewayError } from '../model/errors.js';
import type { CursorSigner } from '../gateway/cursor-signer.js';
import type { BackendSet } from '../gateway/backend-set.js';
import type { DeliveryStatsHub } from '../live/delivery-stats-hub.js';
import { requestScopeOf } from '../observability/request-scope.js';

/** Who is calling, as the API-key check decided. */
export interface Caller {
  /** Scopes granted; every scope when the gateway runs without `auth`. */
  scopes: ReadonlySet<Scope>;
}

/** The per-request GraphQL context. */
export interface GatewayContext {
  backends: BackendSet;
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
}

/**
 * The context of one GraphQL request. What only a request that reads a backend
 * needs (its abort signal linked for upstream calls, the upstream memo) is made
 * the first time it is asked for, not for every request; so are its loaders,
 * which `@pothos/plugin-dataloader` keeps per context (`schema/loadable-nodes.ts`).
 */
export function createContext(deps: ContextDeps, initial: YogaInitialContext): GatewayContext {
  const { request } = initial;
  let signal: AbortSignal | undefined;
  let cache: UpstreamCache | undefined;
  const call: CallContext = {
    get signal() {
      // Upstream calls follow a plain signal of their own rather than whatwg-node's request
      // signal, whose `aborted` can read false after the client went away; it follows the
      // request's to its end. (Shutdown cuts calls in the HTTP clients: BackendHttpClient.cutCalls.)
      return (signal ??= followSignal(request.signal).controller.signal);
    },
    get cache() {
      return (cache ??= new UpstreamCache());
    },
    // Opened by the request-log plugin as the request (or WebSocket operation) arrived.
    get scope() {
      return requestScopeOf(request);
    },
  };
  return {
    backends: deps.backends,
    call,
    caller: { scopes: deps.scopesOf(initial) },
    partialErrors: [],
    live: deps.live,
    cursors: deps.cursors,
  };
}
