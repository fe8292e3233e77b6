import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { existingRequestScope, requestScopeOf, type RequestScope } from '../../observability/request-scope.js';
import { pathOfUrl } from '../../observability/url-path.js';
import { describeOperation, outcomeOf, type RequestOutcome } from '../operation-outcome.js';

/** Options of {@link useRequestLog}. */
export interface RequestLogOptions {
  logger: Logger;
  /** Path of the GraphQL endpoint, whose requests are logged at `info`; default `/graphql`. Others go to `debug`. */
  graphqlPath?: string;
}

/** What the log line tells about the operation, filled in as the request goes. */
interface OperationState {
  operation: string | null;
  type: string;
  outcome?: RequestOutcome;
}

const operations = new WeakMap<RequestScope, OperationState>();

function stateOf(scope: RequestScope | undefined): OperationState | undefined {
  if (!scope) return undefined;
  let state = operations.get(scope);
  if (!state) operations.set(scope, (state = { operation: null, type: 'unknown' }));
  return state;
}

/**
 * Opens each HTTP request's scope (its id and arrival time) as it arrives. The
 * first plugin, so that a request another plugin answers early (a health probe,
 * a refused body) has its scope too; {@link useRequestLog} writes its line.
 */
export function useRequestScope(): Plugin {
  return {
    onRequest({ request }) {
      requestScopeOf(request, 'http');
    },
  };
}

/**
 * Gives every request an id (the client's `x-request-id` when sane, else a new
 * one), sends it back as `x-request-id` on every response, and writes one log
 * line per GraphQL request: id, operation, type, outcome, status, duration,
 * the backends called and the upstream attempts made. A WebSocket operation
 * gets a line of its own when its execution ends (or its stream starts).
 * The upstream side of the line is filled in by the HTTP clients through the
 * request scope {@link useRequestScope} opens (see `observeAttempts`).
 */
export function useRequestLog(options: RequestLogOptions): Plugin {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const { logger } = options;

  const write = (scope: RequestScope, level: 'info' | 'debug', extra: Record<string, unknown>) => {
    const state = operations.get(scope);
    logger[level](
      {
        requestId: scope.requestId,
        transport: scope.transport,
        operation: state?.operation ?? null,
        type: state?.type ?? null,
        outcome: state?.outcome ?? 'rejected',
        ...extra,
        durationMs: Math.round((performance.now() - scope.started) * 10) / 10,
        backends: [...scope.backends],
        upstreamCalls: scope.upstreamCalls,
        ...(scope.traceId ? { traceId: scope.traceId } : {}),
      },
      'request',
    );
  };

  /**
   * The scope of an operation's request, and whether the operation owns it: a
   * WebSocket operation has no HTTP request around it (only a synthetic one of
   * its own), so it opens its scope here and gets a line of its own.
   */
  const operationScope = (request: Request): { scope: RequestScope; own: boolean } => {
    const existing = existingRequestScope(request);
    return existing ? { scope: existing, own: false } : { scope: requestScopeOf(request, 'websocket'), own: true };
  };

  return {
    onParams({ params, request }) {
      const state = stateOf(existingRequestScope(request));
      // Unchecked client input here; yoga refuses a non-string name later.
      if (state) state.operation = typeof params.operationName === 'string' ? params.operationName.slice(0, 100) : null;
    },
    onParse({ context }) {
      const request = (context as { request?: Request }).request;
      const state = stateOf(request ? existingRequestScope(request) : undefined);
      return ({ result }) => {
        if (state && result && 'kind' in result) Object.assign(state, describeOperation(result, state.operation));
      };
    },
    onExecute({ args }) {
      const { scope, own } = operationScope((args.contextValue as { request: Request }).request);
      const state = stateOf(scope)!;
      Object.assign(state, describeOperation(args.document, args.operationName));
      return {
        onExecuteDone({ result }) {
          state.outcome = outcomeOf(result);
          if (own) write(scope, 'info', {});
        },
      };
    },
    onSubscribe({ args }) {
      const { scope, own } = operationScope((args.contextValue as { request: Request }).request);
      const state = stateOf(scope)!;
      Object.assign(state, describeOperation(args.document, args.operationName));
      let written = !own;
      const writeOnce = () => {
        if (!written) write(scope, 'info', {});
        written = true;
      };
      return {
        onSubscribeResult({ result }) {
          state.outcome = outcomeOf(result);
          writeOnce();
        },
        onSubscribeError() {
          state.outcome = 'error';
          writeOnce();
        },
      };
    },
    onResponse({ request, response }) {
      const scope = existingRequestScope(request);
      if (!scope) return;
      response.headers.set('x-request-id', scope.requestId);
      try {
        const path = pathOfUrl(request.url);
        const graphql = path === graphqlPath && !(response.headers.get('content-type') ?? '').startsWith('text/html');
        write(scope, graphql ? 'info' : 'debug', { method: request.method, path, status: response.status });
      } catch {
        // Logging must never break serving.
      }
    },
  };
}
