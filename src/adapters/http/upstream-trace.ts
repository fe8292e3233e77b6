import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { GatewayError } from '../../model/errors.js';
import { currentRequestScope } from '../../observability/request-scope.js';
import { gatewayTracer } from '../../observability/tracing.js';
import type { UpstreamRequest, UpstreamResponse } from './upstream-request.js';
import { classifyTransportError } from './upstream-errors.js';

/**
 * The W3C trace-context headers (`traceparent`, `tracestate`) of the upstream
 * attempt being sent: they name its span, a child of the GraphQL operation's,
 * which continues the client's trace. Empty while tracing is not installed.
 */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** One upstream attempt as the HTTP client runs it inside its circuit breaker; `Timing` is whatever times the attempt. */
type Attempt<Timing> = (request: UpstreamRequest, url: string, timing: Timing, clientSignal: AbortSignal | undefined) => Promise<UpstreamResponse>;

/** What a failed attempt says about the backend: the gateway's code, the upstream status if any, the transport's reason. */
function failureOf(backend: string, error: unknown): { code: string; upstreamStatus?: number; reason?: string } {
  if (error instanceof GatewayError) return { code: error.code, ...(error.upstreamStatus ? { upstreamStatus: error.upstreamStatus } : {}) };
  const reason = (error as { code?: unknown } | undefined)?.code;
  return { code: classifyTransportError(backend, error).code, ...(typeof reason === 'string' ? { reason } : {}) };
}

/**
 * Wraps each upstream attempt of one backend: counts it for the request's log
 * line, runs it inside a client span (whose id {@link traceHeaders} sends
 * upstream), and logs a failure of the backend as one warning with the backend,
 * the code and the upstream status. No header, body or full URL is logged, so no
 * credential can be; an attempt the client itself aborted is no backend failure.
 */
export function observeAttempts<Timing>(backend: string, logger: Logger | undefined, attempt: Attempt<Timing>): Attempt<Timing> {
  return async (request, url, timing, clientSignal) => {
    const scope = currentRequestScope();
    if (scope) {
      scope.backends.add(backend);
      scope.upstreamCalls += 1;
    }
    const path = new URL(url).pathname;
    const span = gatewayTracer().startSpan(`${request.method} ${backend}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': request.method, 'url.path': path, 'campaign_gateway.backend': backend },
    });
    try {
      const response = await context.with(trace.setSpan(context.active(), span), () => attempt(request, url, timing, clientSignal));
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } catch (error) {
      if (clientSignal?.aborted) {
        span.setAttribute('campaign_gateway.client_aborted', true);
      } else {
        const failure = failureOf(backend, error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: failure.code });
        if (failure.upstreamStatus) span.setAttribute('http.response.status_code', failure.upstreamStatus);
        logger?.warn(
          { backend, method: request.method, path, ...failure, ...(scope ? { requestId: scope.requestId } : {}) },
          `backend "${backend}" call failed: ${failure.code}${failure.upstreamStatus ? ` (${failure.upstreamStatus})` : ''}`,
        );
      }
      throw error;
    } finally {
      span.end();
    }
  };
}
