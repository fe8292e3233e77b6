import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import { existingRequestScope, requestScopeOf } from '../../observability/request-scope.js';
import { clientTraceContext, startSpan } from '../../observability/tracing.js';
import { describeOperation, outcomeOf } from '../operation-outcome.js';

/**
 * The operation span of a request, kept in its scope as the parent of its upstream
 * attempts (HTTP: from its parameters to its response; WebSocket: from its execution).
 */
function operationSpanOf(request: Request): Span | undefined {
  const parent = existingRequestScope(request)?.trace;
  return parent && trace.getSpan(parent);
}

/** Opens the operation span of `request` under `parent` and hands it to the request's scope, the parent of its upstream attempts. */
function openOperationSpan(request: Request, parent: Context, transport: 'http' | 'websocket'): Span {
  const span = startSpan('graphql.operation', { kind: SpanKind.SERVER }, parent);
  const scope = requestScopeOf(request, transport);
  scope.trace = trace.setSpan(ROOT_CONTEXT, span);
  // A non-recording span (the SDK not installed, or the client's trace not sampled) names no trace worth logging.
  if (span.isRecording()) scope.traceId = span.spanContext().traceId;
  span.setAttribute('campaign_gateway.request_id', scope.requestId);
  return span;
}

/** Names the span after its operation, as the request log described it (it runs first). */
function nameSpan(span: Span, request: Request, document: Parameters<typeof describeOperation>[0], operationName: string | null | undefined): void {
  const scope = existingRequestScope(request);
  const { operation, type } = scope && scope.type !== 'unknown' ? scope : describeOperation(document, operationName);
  span.updateName(operation ? `${type} ${operation}` : type);
  span.setAttribute('graphql.operation.type', type);
  if (operation) span.setAttribute('graphql.operation.name', operation.slice(0, 100));
}

/**
 * One span per GraphQL operation (named `query NewestCampaigns`), continuing the
 * client's trace when the request carried a W3C `traceparent`, with the
 * operation's type, name and outcome; upstream attempts become its children
 * (see `observeAttempts`), through the request scope that carries it. Over HTTP
 * the span covers the operation from its parameters to its response; a WebSocket
 * operation gets a span from execution to its result (or the start of its
 * stream). Without the SDK installed, spans record nothing: only their ids
 * travel upstream in `traceparent`.
 */
export function useTracing(): Plugin {
  /** The span of an operation, opened now for a WebSocket operation (which had no HTTP request to open it). */
  const spanOf = (request: Request): { span: Span; own: boolean } => {
    const existing = operationSpanOf(request);
    return existing ? { span: existing, own: false } : { span: openOperationSpan(request, ROOT_CONTEXT, 'websocket'), own: true };
  };
  return {
    // Plain hooks rather than yoga's `instrumentation`: with any plugin instrumenting, yoga
    // wraps every phase of every request.
    onParams({ request }) {
      openOperationSpan(request, clientTraceContext(request.headers), 'http');
    },
    onResponse({ request, response }) {
      const span = operationSpanOf(request);
      if (!span) return;
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request: Request }).request;
      const { span, own } = spanOf(request);
      nameSpan(span, request, args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          const outcome = outcomeOf(result);
          span.setAttribute('campaign_gateway.outcome', outcome);
          if (outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
          if (own) span.end();
        },
      };
    },
    onSubscribe({ args }) {
      const request = (args.contextValue as { request: Request }).request;
      const { span, own } = spanOf(request);
      nameSpan(span, request, args.document, args.operationName);
      let ended = !own;
      const end = () => {
        if (!ended) span.end();
        ended = true;
      };
      return {
        onSubscribeResult: end,
        onSubscribeError() {
          span.setStatus({ code: SpanStatusCode.ERROR });
          end();
        },
      };
    },
  };
}
