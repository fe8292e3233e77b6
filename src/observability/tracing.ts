import { randomFillSync } from 'node:crypto';
import { isSpanContextValid, ROOT_CONTEXT, trace, TraceFlags, type Context, type Span, type SpanOptions, type TextMapGetter, type TextMapSetter, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The instrumentation scope of every span the gateway makes. */
export const TRACER_NAME = 'campaign-gateway';

/** The gateway's tracer (the global provider's; a no-op one until {@link installTracing}). */
export function gatewayTracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/**
 * W3C trace context in and out. The gateway's own instance, not the global
 * propagator: upstream calls carry a `traceparent` whether or not the SDK is installed.
 */
const w3c = new W3CTraceContextPropagator();

const headerGetter: TextMapGetter<Headers> = {
  keys: (carrier) => [...carrier.keys()],
  get: (carrier, key) => carrier.get(key) ?? undefined,
};

const recordSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => void (carrier[key] = value),
};

/** The client's trace context from a request's `traceparent`/`tracestate` (the root context if none). */
export function clientTraceContext(headers: Headers): Context {
  return w3c.extract(ROOT_CONTEXT, headers, headerGetter);
}

/** The `traceparent` (and `tracestate`) headers naming `span` as the parent of what receives them. */
export function traceHeadersOf(span: Span): Record<string, string> {
  const carrier: Record<string, string> = {};
  w3c.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, recordSetter);
  return carrier;
}

/** Random bytes for ids, drawn from a pool refilled 4 KiB at a time (a `randomBytes` call per id costs a system call each). */
const idPool = Buffer.alloc(4096);
let idPoolOffset = idPool.length;

/** `bytes` random bytes in lowercase hex. */
function randomHex(bytes: number): string {
  if (idPoolOffset + bytes > idPool.length) {
    randomFillSync(idPool);
    idPoolOffset = 0;
  }
  idPoolOffset += bytes;
  return idPool.toString('hex', idPoolOffset - bytes, idPoolOffset);
}

/**
 * A span under `parent` (explicitly: the gateway keeps no async-local context).
 * Without the SDK the tracer answers a non-recording span with the parent's
 * context; a request that came with no trace then still starts one of its own,
 * with random ids, so that its upstream calls share a `traceparent`.
 */
export function startSpan(name: string, options: SpanOptions, parent: Context): Span {
  const span = gatewayTracer().startSpan(name, options, parent);
  if (isSpanContextValid(span.spanContext())) return span;
  return trace.wrapSpanContext({ traceId: randomHex(16), spanId: randomHex(8), traceFlags: TraceFlags.NONE });
}

/** Options of {@link installTracing}. */
export interface TracingOptions {
  /**
   * Export spans over OTLP/HTTP; the exporter reads `OTEL_EXPORTER_OTLP_ENDPOINT`
   * (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) and `OTEL_EXPORTER_OTLP_HEADERS` itself.
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
 * Registers the process-wide tracer provider, so that every GraphQL operation
 * gets a recorded span continuing the client's `traceparent` and every upstream
 * attempt a child span whose id goes upstream in its own `traceparent`. Call
 * once, at startup, before serving, and only when spans go somewhere (`main.ts`
 * does so when an OTLP endpoint is set): the SDK is loaded only then, since
 * spans that go nowhere cost every request for nothing.
 */
export async function installTracing(options: TracingOptions = {}): Promise<InstalledTracing> {
  const [{ BasicTracerProvider, BatchSpanProcessor }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
  ]);
  const exporters = options.otlp ? [new BatchSpanProcessor(new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter())] : [];
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? TRACER_NAME }),
    spanProcessors: [...exporters, ...(options.spanProcessors ?? [])],
  });
  trace.setGlobalTracerProvider(provider);
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
    },
  };
}
