import { ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import { GatewayError } from '../../model/errors.js';
import type { RequestScope } from '../../observability/request-scope.js';
import { startSpan, traceHeadersOf } from '../../observability/tracing.js';
import { pathOfUrl } from '../../observability/url-path.js';
import type { UpstreamRequest, UpstreamResponse } from './upstream-request.js';
import { classifyTransportError } from './upstream-errors.js';

/**
 * One upstream attempt as the HTTP client runs it inside its circuit breaker;
 * `Timing` is whatever times the attempt. `clientSignal` is the caller's own
 * signal: its abort is no failure of the backend. `scope` is the request the
 * attempt is made for (its log line and trace); `traceHeaders` (the attempt's
 * `traceparent`, added by {@link observeAttempts}) are to be sent with it.
 */
export type UpstreamAttempt<Timing> = (
  request: UpstreamRequest,
  url: string,
  timing: Timing,
  clientSignal: AbortSignal | undefined,
  scope: RequestScope | undefined,
  traceHeaders?: Record<string, string>,
) => Promise<UpstreamResponse>;

/** What a failed attempt says about the backend: the gateway's code, the upstream status if any, the transport's reason. */
function failureOf(backend: string, error: unknown): { code: string; upstreamStatus?: number; reason?: string } {
  if (error instanceof GatewayError) return { code: error.code, ...(error.upstreamStatus ? { upstreamStatus: error.upstreamStatus } : {}) };
  const reason = (error as { code?: unknown } | undefined)?.code;
  return { code: classifyTransportError(backend, error).code, ...(typeof reason === 'string' ? { reason } : {}) };
}

/**
 * Wraps each upstream attempt of one backend: counts it for the request's log
 * line, gives it a client span under the request's operation span (whose id its
 * `traceparent` sends upstream; a call for no request starts a trace of its
 * own), and logs a failure of the backend as one warning with the backend, the
 * code and the upstream status. No header, body or full URL is logged, so no
 * credential can be; an attempt the client itself aborted is no backend failure.
 */
export function observeAttempts<Timing>(backend: string, logger: Logger | undefined, attempt: UpstreamAttempt<Timing>): UpstreamAttempt<Timing> {
  return async (request, url, timing, clientSignal, scope) => {
    if (scope) {
      scope.backends.add(backend);
      scope.upstreamCalls += 1;
    }
    const path = pathOfUrl(url);
    const span = startSpan(
      `${request.method} ${backend}`,
      { kind: SpanKind.CLIENT, attributes: { [ATTR_HTTP_REQUEST_METHOD]: request.method, [ATTR_URL_PATH]: path, 'campaign_gateway.backend': backend } },
      scope?.trace ?? ROOT_CONTEXT,
    );
    try {
      const response = await attempt(request, url, timing, clientSignal, scope, traceHeadersOf(span));
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
      if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } catch (error) {
      if (clientSignal?.aborted) {
        span.setAttribute('campaign_gateway.client_aborted', true);
      } else {
        const failure = failureOf(backend, error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: failure.code });
        if (failure.upstreamStatus) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, failure.upstreamStatus);
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
