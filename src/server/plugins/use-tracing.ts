import { context, createContextKey, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import { currentRequestScope } from '../../observability/request-scope.js';
import { gatewayTracer } from '../../observability/tracing.js';
import { describeOperation, outcomeOf } from '../operation-outcome.js';

/** Where the operation's span sits in the active context, for the hooks that name it and set its outcome. */
const OPERATION_SPAN = createContextKey('campaign-gateway operation span');

const headerGetter = {
  keys: (carrier: Headers) => [...carrier.keys()],
  get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined,
};

/** Runs `wrapped` inside a new operation span whose parent is `parent`; the span ends when `wrapped` is done. */
async function inOperationSpan(parent: Context, wrapped: () => unknown): Promise<void> {
  const span = gatewayTracer().startSpan('graphql.operation', { kind: SpanKind.SERVER }, parent);
  const scope = currentRequestScope();
  // A non-recording span (tracing not installed, or the client's trace not sampled) has no trace worth naming in the log.
  if (scope && span.isRecording()) scope.traceId = span.spanContext().traceId;
  if (scope) span.setAttribute('campaign_gateway.request_id', scope.requestId);
  try {
    await context.with(trace.setSpan(parent, span).setValue(OPERATION_SPAN, span), wrapped);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

function activeOperationSpan(): Span | undefined {
  return context.active().getValue(OPERATION_SPAN) as Span | undefined;
}

function nameSpan(document: Parameters<typeof describeOperation>[0], operationName: string | null | undefined): void {
  const span = activeOperationSpan();
  if (!span) return;
  const { operation, type } = describeOperation(document, operationName);
  span.updateName(operation ? `${type} ${operation}` : type);
  span.setAttribute('graphql.operation.type', type);
  if (operation) span.setAttribute('graphql.operation.name', operation.slice(0, 100));
}

/**
 * One span per GraphQL operation (named `query NewestCampaigns`), continuing the
 * client's trace when the request carried a W3C `traceparent`, with the
 * operation's type, name and outcome; upstream attempts become its children
 * (see `observeAttempts`). Over HTTP the span covers the operation from its
 * parameters to its result; a WebSocket operation gets a span from execution to
 * its result (or the start of its stream). Without installed tracing every
 * call here is a no-op.
 */
export function useTracing(): Plugin {
  return {
    instrumentation: {
      operation: ({ request }, wrapped) => inOperationSpan(propagation.extract(ROOT_CONTEXT, request.headers, headerGetter), wrapped),
      execute: (_, wrapped) => (activeOperationSpan() ? wrapped() : inOperationSpan(context.active(), wrapped)) as Promise<void> | void,
      subscribe: (_, wrapped) => (activeOperationSpan() ? wrapped() : inOperationSpan(context.active(), wrapped)) as Promise<void> | void,
    },
    onExecute({ args }) {
      nameSpan(args.document, args.operationName);
      const span = activeOperationSpan();
      return {
        onExecuteDone({ result }) {
          const outcome = outcomeOf(result);
          span?.setAttribute('campaign_gateway.outcome', outcome);
          if (outcome === 'error') span?.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
    onSubscribe({ args }) {
      nameSpan(args.document, args.operationName);
    },
  };
}
