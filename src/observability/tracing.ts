import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { RequestScopeContextManager } from './request-scope.js';

/** The instrumentation scope of every span the gateway makes. */
export const TRACER_NAME = 'campaign-gateway';

/** The gateway's tracer (the global provider's; a no-op one until {@link installTracing}). */
export function gatewayTracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** Options of {@link installTracing}. */
export interface TracingOptions {
  /**
   * Export spans over OTLP/HTTP; the exporter reads `OTEL_EXPORTER_OTLP_ENDPOINT`
   * (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) and `OTEL_EXPORTER_OTLP_HEADERS` itself.
   * Default false: spans are made (so upstream calls carry a `traceparent`) but kept nowhere.
   */
  otlp?: boolean;
  /** Further span processors, e.g. one with an in-memory exporter in tests. */
  spanProcessors?: SpanProcessor[];
  /** `service.name` of the spans; default `OTEL_SERVICE_NAME`, else `campaign-gateway`. */
  serviceName?: string;
}

/** The installed tracing, to flush and stop on shutdown. */
export interface InstalledTracing {
  /** Exports what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the process-wide tracer provider, the async-context propagation of
 * the active span and the W3C trace-context propagator. Call once, at startup,
 * before serving: every GraphQL operation then gets a span continuing the
 * client's `traceparent`, and every upstream attempt a child span whose id goes
 * upstream in its own `traceparent`.
 */
export function installTracing(options: TracingOptions = {}): InstalledTracing {
  const spanProcessors = [...(options.otlp ? [new BatchSpanProcessor(new OTLPTraceExporter())] : []), ...(options.spanProcessors ?? [])];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? TRACER_NAME }),
    spanProcessors,
  });
  provider.register({ contextManager: new RequestScopeContextManager() });
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
