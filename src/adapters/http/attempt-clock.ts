import { DecoratorHandler, type Dispatcher } from 'undici';
import { GatewayError } from '../../model/errors.js';

/**
 * A call the gateway gave up on while it still waited in its own connection
 * pool: the gateway's overload, not the backend's failure. The client sees
 * `BACKEND_UNAVAILABLE`; the circuit breaker does not count it, and it is not retried.
 */
export class GatewayOverload extends GatewayError {
  constructor(backend: string) {
    super('BACKEND_UNAVAILABLE', `backend "${backend}" could not be asked in time: too many requests to it were waiting in the gateway`, { backend });
  }
}

/** Per-request option read by {@link observeDispatch}: called when undici hands the request to a connection. */
export interface DispatchObserved {
  onDispatch?: () => void;
}

/** undici's own interceptors extend DecoratorHandler; its type declares none of the methods it has. */
interface RequestStart {
  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void;
}
const Decorator = DecoratorHandler as unknown as new (handler: Dispatcher.DispatchHandler) => RequestStart;

class DispatchObserver extends Decorator {
  readonly #onDispatch: () => void;

  constructor(handler: Dispatcher.DispatchHandler, onDispatch: () => void) {
    super(handler);
    this.#onDispatch = onDispatch;
  }

  override onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#onDispatch();
    super.onRequestStart(controller, context);
  }
}

/** An undici interceptor that tells a request's `onDispatch` when it leaves the pool's queue for a connection. */
export const observeDispatch: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
  const { onDispatch } = options as DispatchObserved;
  return dispatch(options, onDispatch ? new DispatchObserver(handler, onDispatch) : handler);
};

/** Options of {@link AttemptClock}. */
export interface AttemptClockOptions {
  backend: string;
  /** The backend's time for one attempt, counted from dispatch. */
  timeoutMs: number;
  /** What is left of the whole call's budget: bounds the wait in the queue. */
  budgetLeftMs: number;
  /** The caller's own signal; its abort ends the attempt with its reason. */
  client?: AbortSignal;
}

/**
 * The clock of one upstream attempt. Its timeout starts when undici hands the
 * request to a connection, not when it joins the pool's queue: time spent
 * waiting behind the gateway's own other requests says nothing about the
 * backend, which thus always has its whole timeout and is blamed only when it
 * overruns it. The wait is bounded by what is left of the call's budget; running
 * out while queued ends the attempt with {@link GatewayOverload}. (A call that
 * queued can therefore take up to one timeout longer than its budget.)
 * undici only drops a queued request once it reaches a connection, so
 * {@link settled} rejects at once instead, for the caller to race against.
 */
export class AttemptClock {
  readonly #controller = new AbortController();
  readonly #options: AttemptClockOptions;
  #timer: NodeJS.Timeout;
  #dispatched = false;
  #rejectQueued: ((reason: unknown) => void) | undefined;
  readonly #onClientAbort = () => this.#abort(this.#options.client?.reason);
  /** Rejects when the attempt ends before it was dispatched; never resolves. */
  readonly settled: Promise<never>;

  constructor(options: AttemptClockOptions) {
    this.#options = options;
    this.settled = new Promise<never>((_resolve, reject) => {
      this.#rejectQueued = reject;
    });
    this.settled.catch(() => {});
    this.#timer = setTimeout(() => this.#abort(new GatewayOverload(options.backend)), Math.max(0, options.budgetLeftMs));
    options.client?.addEventListener('abort', this.#onClientAbort, { once: true });
  }

  /** Aborts the request: pass to undici. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Starts the backend's own timeout; pass to undici as `onDispatch` (through {@link observeDispatch}). */
  readonly onDispatch = (): void => {
    if (this.#dispatched || this.#controller.signal.aborted) return;
    this.#dispatched = true;
    clearTimeout(this.#timer);
    const { timeoutMs, backend } = this.#options;
    this.#timer = setTimeout(() => this.#abort(new DOMException(`backend "${backend}" did not answer in time`, 'TimeoutError')), timeoutMs);
  };

  /** Ends the attempt now with `reason` (the gateway shutting down). */
  cut(reason: unknown): void {
    this.#abort(reason);
  }

  /** Stops the timers (after the attempt, whatever its outcome). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#options.client?.removeEventListener('abort', this.#onClientAbort);
  }

  #abort(reason: unknown): void {
    if (this.#controller.signal.aborted) return;
    this.#controller.abort(reason);
    if (!this.#dispatched) this.#rejectQueued?.(reason);
  }
}
