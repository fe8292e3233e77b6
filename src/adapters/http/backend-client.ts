import CircuitBreaker from 'opossum';
import { Pool, type Dispatcher } from 'undici';
import type { Logger } from 'pino';
import { BACKEND_TRANSPORT_DEFAULTS } from '../../config/config-schema.js';
import { GatewayError, ShuttingDown } from '../../model/errors.js';
import type { CallContext } from './call-context.js';
import type { UpstreamRequest, UpstreamResponse } from './upstream-request.js';
import { backoffDelay, callBudgetMs, retryAfterMs, RetryBudget } from './retry-policy.js';
import { classifyTransportError, UpstreamStatusError } from './upstream-errors.js';
import { readBodyWithLimit } from './read-body.js';
import { AttemptClock, GatewayOverload, observeDispatch, type DispatchObserved } from './attempt-clock.js';
import { checkOutgoing } from './outgoing-limits.js';
import { observeAttempts, type UpstreamAttempt } from './upstream-trace.js';
import { SingleFlight } from './single-flight.js';

/** Options of {@link BackendHttpClient}; every duration in milliseconds. */
export interface BackendHttpClientOptions {
  /** Configured backend name, used in errors. */
  backend: string;
  baseUrl: string;
  /** Headers on every request (credentials). Never logged. */
  headers: Record<string, string>;
  /** Budget of one attempt, from sending to the last body byte; default the config's (`timeoutMs`, 5000). */
  timeoutMs?: number;
  /** Extra attempts for idempotent requests; default the config's (`retries`, 2). */
  retries?: number;
  /** Pool size: how many requests to the backend are open at once at most; default the config's (`maxConnections`, 32). */
  maxConnections?: number;
  /** Largest response body accepted; default {@link MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number;
  /** Backoff of retries; defaults 100 ms base, 2000 ms cap. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Circuit breaker; see {@link BreakerOptions}. A field left out takes the config's default. */
  breaker?: BreakerOptions;
  logger?: Logger;
  /** Observes every attempt (metrics). */
  onAttempt?: (outcome: AttemptOutcome) => void;
}

/**
 * When the circuit breaker of a backend opens and how it recovers (config
 * `breaker`, declared with its defaults by the config schema). Only signs of an
 * unhealthy backend count as failures: refused or reset connections, timeouts, 5xx and 429.
 */
export type BreakerOptions = import('../../config/config-schema.js').BackendBreakerOptions;

/** The largest response body accepted by default: 10 MiB, far above any page a backend answers. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** One upstream attempt, as reported to {@link BackendHttpClientOptions.onAttempt}. */
export interface AttemptOutcome {
  backend: string;
  method: string;
  /** `ok`, `client_error`, or the error code of a failure. */
  outcome: string;
  durationMs: number;
}

/** One attempt, timed by its {@link AttemptClock}. */
type Attempt = UpstreamAttempt<AttemptClock>;

/**
 * The HTTP client of one backend: an undici pool with timeouts, a response size
 * limit, retries of idempotent requests with backoff and a retry budget, and a
 * circuit breaker. Every failure becomes a {@link GatewayError} with the
 * backend's name; no credential or upstream body reaches the error message.
 */
export class BackendHttpClient {
  readonly backend: string;
  readonly baseUrl: string;
  readonly #pool: Dispatcher;
  readonly #connections: Pool;
  readonly #options: Required<Pick<BackendHttpClientOptions, 'timeoutMs' | 'retries' | 'maxResponseBytes'>> & BackendHttpClientOptions;
  readonly #budget = new RetryBudget();
  readonly #breaker: CircuitBreaker<Parameters<Attempt>, UpstreamResponse>;
  /** Identical GETs in flight at once share one call (across GraphQL requests). */
  readonly #reads = new SingleFlight<UpstreamResponse>();
  /**
   * Moves on when a write through this client starts and when it ends; part of the
   * single-flight key, so a read that starts after a write never joins one from before it.
   */
  #writeGeneration = 0;
  /** Attempts on the wire or queued in the pool, and retries waiting out their backoff: what {@link cutCalls} ends. */
  readonly #inFlight = new Set<{ cut(reason: ShuttingDown): void }>();
  /** Set by {@link cutCalls}: no call starts or goes on after it. */
  #cut: ShuttingDown | undefined;

  constructor(options: BackendHttpClientOptions) {
    this.backend = options.backend;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const defaults = BACKEND_TRANSPORT_DEFAULTS;
    this.#options = {
      ...options,
      timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
      retries: options.retries ?? defaults.retries,
      maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    };
    const url = new URL(this.baseUrl);
    this.#connections = new Pool(url.origin, {
      connections: options.maxConnections ?? defaults.maxConnections,
      connectTimeout: this.#options.timeoutMs,
      headersTimeout: this.#options.timeoutMs,
      bodyTimeout: this.#options.timeoutMs,
    });
    // Tells each attempt when it leaves the pool's queue: its timeout starts there (see AttemptClock).
    this.#pool = this.#connections.compose(observeDispatch);
    const breaker = options.breaker ?? {};
    this.#breaker = new CircuitBreaker<Parameters<Attempt>, UpstreamResponse>(observeAttempts(this.backend, options.logger, this.#attempt), {
      timeout: false,
      errorThresholdPercentage: breaker.errorThresholdPercentage ?? defaults.breaker.errorThresholdPercentage,
      volumeThreshold: breaker.volumeThreshold ?? defaults.breaker.volumeThreshold,
      resetTimeout: breaker.resetTimeoutMs ?? defaults.breaker.resetTimeoutMs,
      rollingCountTimeout: breaker.rollingWindowMs ?? defaults.breaker.rollingWindowMs,
      // Opening and closing need only the counts: no latency percentiles or snapshot events on every call.
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
      // Only signs of an unhealthy backend count; a valid 4xx answer, our own
      // client's abort, the gateway's own overload or its shutdown says nothing about the backend's health.
      // opossum passes the attempt's arguments after the error (its types omit them).
      errorFilter: (error: unknown, ...args: unknown[]) => {
        const clientSignal = args[3] as AbortSignal | undefined;
        return (
          clientSignal?.aborted === true ||
          error instanceof GatewayOverload ||
          error instanceof ShuttingDown ||
          (error instanceof GatewayError && error.code !== 'BACKEND_UNAVAILABLE')
        );
      },
    });
  }

  /** The breaker's state, for readiness reports. */
  get circuitState(): 'closed' | 'open' | 'half-open' {
    return this.#breaker.opened ? 'open' : this.#breaker.halfOpen ? 'half-open' : 'closed';
  }

  /**
   * Sends a request and returns a 2xx or mappable 4xx answer. Idempotent requests
   * are retried; a GET is memoized per GraphQL request (`ctx.cache`) and shares the
   * call of an identical GET in flight unless `ctx.fresh`. Writes are sent once.
   */
  async request(request: UpstreamRequest, ctx: CallContext = {}): Promise<UpstreamResponse> {
    const url = this.#url(request);
    checkOutgoing(this.backend, url, request.body);
    const idempotent = request.idempotent ?? request.method === 'GET';
    if (!idempotent) {
      ctx.cache?.invalidate(this.baseUrl);
      this.#writeGeneration += 1;
      try {
        return await this.#send(request, url, ctx, 0);
      } finally {
        // Reads after this write (in this GraphQL request or any other) must see its effect.
        this.#writeGeneration += 1;
        ctx.cache?.invalidate(this.baseUrl);
      }
    }
    if (request.method !== 'GET') return this.#send(request, url, ctx, this.#options.retries);
    const load = () => (ctx.fresh ? this.#send(request, url, ctx, this.#options.retries) : this.#sharedRead(request, url, ctx));
    // Keyed by the bare URL so that `invalidate(baseUrl)` after a write matches it.
    return ctx.cache ? ctx.cache.get(url, load) : load();
  }

  /**
   * A GET that shares the call of an identical one in flight, each caller keeping
   * its own abort signal. A shared call is made for the request that started it:
   * its log line counts the call and its trace holds the call's span.
   */
  #sharedRead(request: UpstreamRequest, url: string, ctx: CallContext): Promise<UpstreamResponse> {
    const client = followClient(ctx.signal);
    return this.#reads.run(`${this.#writeGeneration}\u0000${url}`, client, (signal) =>
      this.#send(request, url, { signal, scope: ctx.scope }, this.#options.retries),
    );
  }

  /**
   * Ends every call in flight or waiting to retry with {@link ShuttingDown}, and
   * refuses every call after it the same way: past the drain deadline, requests
   * answer with what they have instead of waiting for backends.
   */
  cutCalls(): void {
    this.#cut ??= new ShuttingDown(this.backend);
    for (const call of [...this.#inFlight]) call.cut(this.#cut);
  }

  async close(): Promise<void> {
    this.#breaker.shutdown();
    await this.#connections.close();
  }

  #url(request: UpstreamRequest): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) params.set(key, String(value));
    const query = params.size ? `?${params}` : '';
    return `${this.baseUrl}${request.path}${query}`;
  }

  async #send(request: UpstreamRequest, url: string, ctx: CallContext, retries: number): Promise<UpstreamResponse> {
    const client = followClient(ctx.signal);
    this.#budget.recordRequest();
    const { timeoutMs } = this.#options;
    const deadline = performance.now() + callBudgetMs({ timeoutMs, retries, backoff: this.#options.backoff });
    for (let attempt = 0; ; attempt += 1) {
      client?.throwIfAborted();
      if (this.#cut) throw this.#cut;
      const started = performance.now();
      const clock = new AttemptClock({ backend: this.backend, timeoutMs, budgetLeftMs: deadline - started, client });
      this.#inFlight.add(clock);
      try {
        const response = await this.#breaker.fire(request, url, clock, client, ctx.scope);
        this.#report(request, response.status < 400 ? 'ok' : 'client_error', started);
        return response;
      } catch (raw) {
        if (client?.aborted) throw client.reason ?? raw;
        if (this.#cut) throw this.#cut;
        const error = this.#toGatewayError(raw);
        const rejected = isOpenBreaker(raw);
        this.#report(request, rejected ? 'circuit_open' : error instanceof GatewayOverload ? 'gateway_overload' : error.code, started);
        // An open (or probing) breaker answers the same until its cooldown ends: retrying it only delays the answer;
        // after the gateway's own overload, the budget is spent.
        const retryable = error.code === 'BACKEND_UNAVAILABLE' && !rejected && !(error instanceof GatewayOverload) && !this.#breaker.opened && attempt < retries;
        if (!retryable) throw error;
        const hinted = raw instanceof UpstreamStatusError ? retryAfterMs(raw.retryAfter) : null;
        // A Retry-After that leaves no room for one more whole attempt within the budget means giving up now.
        if (hinted !== null && hinted + timeoutMs > deadline - performance.now()) throw error;
        if (!this.#budget.tryTakeRetry()) throw error;
        await this.#backoff(hinted ?? backoffDelay(attempt, this.#options.backoff), client);
      } finally {
        this.#inFlight.delete(clock);
        clock.dispose();
      }
    }
  }

  /** Waits before a retry; the client's abort or {@link cutCalls} ends the wait. */
  #backoff(ms: number, client: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const end = (settle: () => void) => {
        clearTimeout(timer);
        client?.removeEventListener('abort', onAbort);
        this.#inFlight.delete(waiting);
        settle();
      };
      const timer = setTimeout(() => end(resolve), ms);
      const onAbort = () => end(() => reject(client!.reason));
      const waiting = { cut: (reason: ShuttingDown) => end(() => reject(reason)) };
      client?.addEventListener('abort', onAbort, { once: true });
      this.#inFlight.add(waiting);
    });
  }

  #report(request: UpstreamRequest, outcome: string, started: number): void {
    this.#options.onAttempt?.({ backend: this.backend, method: request.method, outcome, durationMs: performance.now() - started });
  }

  #toGatewayError(raw: unknown): GatewayError {
    if (raw instanceof GatewayError) return raw;
    if (isOpenBreaker(raw)) {
      return new GatewayError('BACKEND_UNAVAILABLE', `backend "${this.backend}" is unavailable (circuit open)`, { backend: this.backend, cause: raw });
    }
    return classifyTransportError(this.backend, raw);
  }

  /** One attempt, run inside the breaker. Arrow function: opossum calls it unbound. */
  #attempt: Attempt = async (request, url, clock, _clientSignal, _scope, traceHeaders) => {
    const target = new URL(url);
    const sent = this.#pool.request({
      method: request.method,
      path: `${target.pathname}${target.search}`,
      headers: {
        ...this.#options.headers,
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...traceHeaders,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: clock.signal,
      onDispatch: clock.onDispatch,
    } as Dispatcher.RequestOptions & DispatchObserved);
    // undici drops a queued request only once it reaches a connection; the clock answers at once.
    sent.catch(() => {});
    const response = await Promise.race([sent, clock.settled]);
    const text = await readBodyWithLimit(response.body, this.#options.maxResponseBytes, this.backend, response.headers['content-length']);
    const status = response.statusCode;
    if (status === 429 || status >= 500) {
      throw new UpstreamStatusError(this.backend, status, response.headers['retry-after']);
    }
    if (status === 401 || status === 403) {
      throw new GatewayError('BACKEND_UNAUTHORIZED', `backend "${this.backend}" refused the gateway's credentials (${status})`, {
        backend: this.backend,
        upstreamStatus: status,
      });
    }
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        if (status < 300) {
          throw new GatewayError('BACKEND_ERROR', `backend "${this.backend}" answered ${status} with a body that is not JSON`, {
            backend: this.backend,
            upstreamStatus: status,
          });
        }
        body = text;
      }
    }
    return { status, headers: response.headers, body };
  };
}

/**
 * The caller's signal, after checking that the caller has not gone already. The
 * request context links graphql-yoga's request signal (whose `aborted` can read
 * false after the client went away) to a native one once per request, so calls
 * need no signal of their own; a `reason` without `aborted` still counts as gone.
 */
function followClient(signal: AbortSignal | undefined): AbortSignal | undefined {
  if (!signal) return undefined;
  if (signal.aborted || signal.reason !== undefined) throw signal.reason ?? new DOMException('The client went away', 'AbortError');
  return signal;
}

/** A call the breaker refused without sending it. */
function isOpenBreaker(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'EOPENBREAKER';
}
