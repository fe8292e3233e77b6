import type { Plugin } from 'graphql-yoga';
import { pathOfUrl } from '../../observability/url-path.js';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AttemptOutcome } from '../../adapters/http/backend-client.js';
import { describeOperation as describe, outcomeOf, type RequestOutcome } from '../operation-outcome.js';

export type { RequestOutcome } from '../operation-outcome.js';

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
  /** Path of the GraphQL endpoint, whose requests are measured; default `/graphql`. */
  graphqlPath?: string;
}

/** What is known about one GraphQL request while it runs. */
interface RequestState {
  started: number;
  operation: string | null;
  type: string;
  outcome?: RequestOutcome;
}

/**
 * Serves `/metrics` (Prometheus text) and measures every GraphQL request: over
 * HTTP and SSE from arrival to the response's start, including requests refused
 * before execution; over WebSocket from execution to the result.
 */
export function useMetrics(options: MetricsOptions): Plugin {
  const path = options.path ?? '/metrics';
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const { metrics } = options;
  // Keyed by the HTTP request; WebSocket operations have a synthetic request per operation.
  const states = new WeakMap<Request, RequestState>();

  const stateOf = (context: { request?: Request }): { state: RequestState; viaHttp: boolean } => {
    const http = context.request && states.get(context.request);
    if (http) return { state: http, viaHttp: true };
    return { state: { started: performance.now(), operation: null, type: 'unknown' }, viaHttp: false };
  };

  return {
    // Not async: every request passes here, and only a scrape needs to wait for anything.
    onRequest({ request, endResponse, fetchAPI }) {
      const requestPath = pathOfUrl(request.url);
      if (requestPath === path) {
        if (request.method !== 'GET') return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET' } }));
        return metrics.registry.metrics().then((body) => endResponse(new fetchAPI.Response(body, { headers: { 'content-type': metrics.registry.contentType } })));
      }
      if (requestPath === graphqlPath) states.set(request, { started: performance.now(), operation: null, type: 'unknown' });
    },
    onParams({ params, request }) {
      const state = states.get(request);
      // Parameters are unchecked client input here (yoga refuses a non-string name later).
      if (state) state.operation = typeof params.operationName === 'string' ? params.operationName : null;
    },
    onParse({ context }) {
      // Known before validation, so that a refused document is still counted under its name.
      const request = (context as { request?: Request }).request;
      const state = request && states.get(request);
      return ({ result }) => {
        if (state && result && 'kind' in result) Object.assign(state, describe(result, state.operation ?? undefined));
      };
    },
    onExecute({ args }) {
      const { state, viaHttp } = stateOf(args.contextValue as { request?: Request });
      Object.assign(state, describe(args.document, args.operationName));
      return {
        onExecuteDone({ result }) {
          state.outcome = outcomeOf(result);
          if (!viaHttp) metrics.recordRequest(state.operation, state.type, state.outcome, performance.now() - state.started);
        },
      };
    },
    onSubscribe({ args }) {
      const { state, viaHttp } = stateOf(args.contextValue as { request?: Request });
      Object.assign(state, describe(args.document, args.operationName));
      return {
        onSubscribeResult({ result }) {
          state.outcome = outcomeOf(result);
          if (!viaHttp) metrics.recordRequest(state.operation, state.type, state.outcome, performance.now() - state.started);
        },
        onSubscribeError() {
          state.outcome = 'error';
          if (!viaHttp) metrics.recordRequest(state.operation, state.type, state.outcome, performance.now() - state.started);
        },
      };
    },
    onResponse({ request }) {
      const state = states.get(request);
      if (!state) return;
      states.delete(request);
      try {
        metrics.recordRequest(state.operation, state.type, state.outcome ?? 'rejected', performance.now() - state.started);
      } catch {
        // Counting must never break serving: a throw here would escape the response handler.
      }
    },
  };
}
