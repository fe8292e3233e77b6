import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { currentRequestScope, newRequestScope, runInRequestScope, type RequestScope } from '../../observability/request-scope.js';
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
 * Gives every request an id (the client's `x-request-id` when sane, else a new
 * one), sends it back as `x-request-id` on every response, and writes one log
 * line per GraphQL request: id, operation, type, outcome, status, duration,
 * the backends called and the upstream attempts made. A WebSocket operation
 * gets a line of its own when its execution ends (or its stream starts).
 * The upstream side of the line is filled in by the HTTP clients through the
 * request scope this plugin opens (see `observeAttempts`).
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

  // A WebSocket operation has no HTTP request around it: it gets its own scope and line.
  const aroundOperation = (wrapped: () => unknown) => {
    if (currentRequestScope()) return wrapped() as Promise<void> | void;
    const scope = newRequestScope('websocket');
    return runInRequestScope(scope, async () => {
      try {
        await wrapped();
      } finally {
        write(scope, 'info', {});
      }
    });
  };

  return {
    instrumentation: {
      request: ({ request }, wrapped) => runInRequestScope(newRequestScope('http', request.headers.get('x-request-id')), wrapped),
      execute: (_, wrapped) => aroundOperation(wrapped),
      subscribe: (_, wrapped) => aroundOperation(wrapped),
    },
    onParams({ params }) {
      const state = stateOf(currentRequestScope());
      // Unchecked client input here; yoga refuses a non-string name later.
      if (state) state.operation = typeof params.operationName === 'string' ? params.operationName.slice(0, 100) : null;
    },
    onParse() {
      const state = stateOf(currentRequestScope());
      return ({ result }) => {
        if (state && result && 'kind' in result) Object.assign(state, describeOperation(result, state.operation));
      };
    },
    onExecute({ args }) {
      const state = stateOf(currentRequestScope());
      if (state) Object.assign(state, describeOperation(args.document, args.operationName));
      return {
        onExecuteDone({ result }) {
          if (state) state.outcome = outcomeOf(result);
        },
      };
    },
    onSubscribe({ args }) {
      const state = stateOf(currentRequestScope());
      if (state) Object.assign(state, describeOperation(args.document, args.operationName));
      return {
        onSubscribeResult({ result }) {
          if (state) state.outcome = outcomeOf(result);
        },
        onSubscribeError() {
          if (state) state.outcome = 'error';
        },
      };
    },
    onResponse({ request, response }) {
      const scope = currentRequestScope();
      if (!scope) return;
      response.headers.set('x-request-id', scope.requestId);
      try {
        const path = new URL(request.url).pathname;
        const graphql = path === graphqlPath && !(response.headers.get('content-type') ?? '').startsWith('text/html');
        write(scope, graphql ? 'info' : 'debug', { method: request.method, path, status: response.status });
      } catch {
        // Logging must never break serving.
      }
    },
  };
}
