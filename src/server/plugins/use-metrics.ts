import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AttemptOutcome } from '../../adapters/http/backend-client.js';
import type { RequestOutcome, RequestScope } from '../../observability/request-scope.js';
import { pathOfUrl } from '../../observability/url-path.js';

/** Operation names kept as label values; later new names count as `other`, so a client cannot grow the series without bound. */
const MAX_OPERATION_NAMES = 200;

/** Latency buckets in seconds, from a memoized answer to a backend at its timeout budget. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The gateway's Prometheus metrics, in a registry of their own (not
 * prom-client's global one), so that several gateways in one process (tests)
 * each count only their own traffic.
 *
 * - `gateway_graphql_requests_total{operation,type,outcome}`
 * - `gateway_graphql_request_duration_seconds{operation,type}` (HTTP: until the
 *   response starts; WebSocket: until the result or the stream's start)
 * - `gateway_backend_calls_total{backend,method,outcome}` (every upstream
 *   attempt, retries included; outcome `ok`, `client_error`, `circuit_open` or
 *   the error code)
 * - `gateway_backend_call_duration_seconds{backend,outcome}`
 * - `gateway_subscriptions_open`
 * - `gateway_backend_circuit_open{backend}` (1 while failing fast)
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #operationNames = new Set<string>();
  readonly #requests = new Counter({
    name: 'gateway_graphql_requests_total',
    help: 'GraphQL requests by operation name, operation type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #requestDuration = new Histogram({
    name: 'gateway_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL request (to the start of the stream for subscriptions).',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly #backendCalls = new Counter({
    name: 'gateway_backend_calls_total',
    help: 'Upstream HTTP attempts (retries included) by backend, method and outcome.',
    labelNames: ['backend', 'method', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #backendDuration = new Histogram({
    name: 'gateway_backend_call_duration_seconds',
    help: 'Duration of one upstream HTTP attempt by backend and outcome.',
    labelNames: ['backend', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  #openSubscriptions: () => number = () => 0;
  #circuits: () => { backend: string; open: boolean }[] = () => [];

  constructor() {
    const metrics = this;
    new Gauge({
      name: 'gateway_subscriptions_open',
      help: 'Subscriptions open on this replica (delivery-stats subscribers).',
      registers: [this.registry],
      collect() {
        this.set(metrics.#openSubscriptions());
      },
    });
    new Gauge({
      name: 'gateway_backend_circuit_open',
      help: '1 while the backend\'s circuit breaker fails calls fast, else 0.',
      labelNames: ['backend'] as const,
      registers: [this.registry],
      collect() {
        for (const { backend, open } of metrics.#circuits()) this.set({ backend }, open ? 1 : 0);
      },
    });
  }

  /** Feeds `gateway_backend_calls_*`: pass as `AdapterDeps.onUpstreamAttempt`. */
  readonly observeUpstreamAttempt = (attempt: AttemptOutcome): void => {
    this.#backendCalls.inc({ backend: attempt.backend, method: attempt.method, outcome: attempt.outcome });
    this.#backendDuration.observe({ backend: attempt.backend, outcome: attempt.outcome }, attempt.durationMs / 1000);
  };

  /** Where `gateway_subscriptions_open` reads its value at each scrape. */
  countSubscriptionsWith(count: () => number): void {
    this.#openSubscriptions = count;
  }

  /** Where `gateway_backend_circuit_open` reads breaker states at each scrape. */
  readCircuitsWith(read: () => { backend: string; open: boolean }[]): void {
    this.#circuits = read;
  }

  /** Counts a GraphQL request that has ended, from its scope (see `useRequestLog`'s `onGraphQLRequestEnd`). */
  readonly recordEndedRequest = (scope: RequestScope): void => {
    this.recordRequest(scope.operation, scope.type, scope.outcome ?? 'rejected', performance.now() - scope.started);
  };

  /** Records one finished GraphQL request. */
  recordRequest(operation: string | null, type: string, outcome: RequestOutcome, durationMs: number): void {
    const name = this.#operationLabel(operation);
    this.#requests.inc({ operation: name, type, outcome });
    this.#requestDuration.observe({ operation: name, type }, durationMs / 1000);
  }

  #operationLabel(operation: unknown): string {
    if (typeof operation !== 'string' || !operation) return 'anonymous';
    const name = operation.slice(0, 64);
    if (this.#operationNames.has(name)) return name;
    if (this.#operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.#operationNames.add(name);
    return name;
  }
}

/** Options of {@link useMetrics}. */
export interface MetricsOptions {
  metrics: GatewayMetrics;
  /** Path of the Prometheus endpoint; default `/metrics`. It needs no key. */
  path?: string;
}

/**
 * Serves `/metrics` (Prometheus text). Requests are counted by the request log,
 * which follows each GraphQL request anyway and reports its end to
 * {@link GatewayMetrics.recordEndedRequest}: over HTTP and SSE from arrival to the
 * response's start, including requests refused before execution; over WebSocket
 * from execution to the result.
 */
export function useMetrics(options: MetricsOptions): Plugin {
  const path = options.path ?? '/metrics';
  const { metrics } = options;

  return {
    // Not async: every request passes here, and only a scrape needs to wait for anything.
    onRequest({ request, endResponse, fetchAPI }) {
      if (pathOfUrl(request.url) !== path) return;
      if (request.method !== 'GET') return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET' } }));
      return metrics.registry.metrics().then((body) => endResponse(new fetchAPI.Response(body, { headers: { 'content-type': metrics.registry.contentType } })));
    },
  };
}
