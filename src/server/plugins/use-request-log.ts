import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { existingRequestScope, requestScopeOf, type RequestScope } from '../../observability/request-scope.js';
import { pathOfUrl } from '../../observability/url-path.js';
import { describeOperation, outcomeOf } from '../operation-outcome.js';

/** Options of {@link useRequestLog}. */
export interface RequestLogOptions {
  logger: Logger;
  /** Path of the GraphQL endpoint, whose requests are logged at `info`; default `/graphql`. Others go to `debug`. */
  graphqlPath?: string;
  /**
   * Told when each GraphQL request over HTTP or SSE has its response (or a WebSocket
   * operation its result), with its scope filled in: how metrics count requests
   * without following them through the same hooks a second time.
   */
  onGraphQLRequestEnd?: (scope: RequestScope) => void;
}

/** The operation of `document` into `scope`, unless a parse already told it (its type is known then). */
function describeInto(scope: RequestScope, document: Parameters<typeof describeOperation>[0], operationName: string | null | undefined): void {
  if (scope.type !== 'unknown') return;
  const { operation, type } = describeOperation(document, operationName);
  scope.operation = operation === null ? null : operation.slice(0, 100);
  scope.type = type;
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
 * the backends called and the upstream attempts made, and tells
 * `onGraphQLRequestEnd` (metrics) of it. A WebSocket operation
 * gets a line of its own when its execution ends (or its stream starts).
 * The upstream side of the line is filled in by the HTTP clients through the
 * request scope {@link useRequestScope} opens (see `observeAttempts`).
 */
export function useRequestLog(options: RequestLogOptions): Plugin {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const { logger } = options;

  const write = (scope: RequestScope, level: 'info' | 'debug', extra: Record<string, unknown>) => {
    logger[level](
      {
        requestId: scope.requestId,
        transport: scope.transport,
        operation: scope.operation,
        type: scope.type,
        outcome: scope.outcome ?? 'rejected',
        ...extra,
        durationMs: Math.round((performance.now() - scope.started) * 10) / 10,
        backends: [...scope.backends],
        upstreamCalls: scope.upstreamCalls,
        ...(scope.traceId ? { traceId: scope.traceId } : {}),
      },
      'request',
    );
  };

  /** The end of a WebSocket operation, which has its own scope and line. */
  const operationEnded = (scope: RequestScope) => {
    write(scope, 'info', {});
    options.onGraphQLRequestEnd?.(scope);
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
      const scope = existingRequestScope(request);
      // Unchecked client input here; yoga refuses a non-string name later.
      if (scope) scope.operation = typeof params.operationName === 'string' ? params.operationName.slice(0, 100) : null;
    },
    onParse({ context }) {
      // Known before validation, so that a refused document is still logged and counted under its name.
      const request = (context as { request?: Request }).request;
      const scope = request ? existingRequestScope(request) : undefined;
      if (!scope) return;
      return ({ result }) => {
        if (result && 'kind' in result) describeInto(scope, result, scope.operation);
      };
    },
    onExecute({ args }) {
      const { scope, own } = operationScope((args.contextValue as { request: Request }).request);
      describeInto(scope, args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          scope.outcome = outcomeOf(result);
          if (own) operationEnded(scope);
        },
      };
    },
    onSubscribe({ args }) {
      const { scope, own } = operationScope((args.contextValue as { request: Request }).request);
      describeInto(scope, args.document, args.operationName);
      let ended = !own;
      const endOnce = () => {
        if (!ended) operationEnded(scope);
        ended = true;
      };
      return {
        onSubscribeResult({ result }) {
          scope.outcome = outcomeOf(result);
          endOnce();
        },
        onSubscribeError() {
          scope.outcome = 'error';
          endOnce();
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
        if (graphql) options.onGraphQLRequestEnd?.(scope);
      } catch {
        // Logging must never break serving.
      }
    },
  };
}
