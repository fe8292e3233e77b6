/** One call in flight and the callers sharing it. */
interface Flight<T> {
  result: Promise<T>;
  /** Cancels the call once every sharer has gone. */
  controller: AbortController;
  /** Sharers still waiting; one without a signal never leaves. */
  waiting: number;
}

/**
 * Shares one in-flight call among every caller asking for the same key while it
 * runs (single-flight). Each caller keeps its own abort signal: one going away
 * leaves the call running for the others, and the call is cancelled only once
 * every caller has gone. Every caller that fails gets an error object of its
 * own, so that placing it at a GraphQL path changes no one else's; every caller
 * after the first gets its own copy of the answer, so that no request can change
 * what another one reads.
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Flight<T>>();

  /** Calls in flight now. */
  get size(): number {
    return this.#flights.size;
  }

  /**
   * The answer of the call in flight under `key`, or of `call` started now. `call`
   * gets the signal that cancels it when every caller has gone; `signal` is this
   * caller's own (aborted: this caller stops waiting, with the signal's reason).
   */
  run(key: string, signal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    const joined = this.#flights.get(key);
    if (joined) return this.#wait(key, joined, signal, true);
    const controller = new AbortController();
    const flight: Flight<T> = { controller, waiting: 0, result: call(controller.signal) };
    this.#flights.set(key, flight);
    const forget = () => {
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    };
    flight.result.then(forget, forget);
    return this.#wait(key, flight, signal, false);
  }

  #wait(key: string, flight: Flight<T>, signal: AbortSignal | undefined, joined: boolean): Promise<T> {
    flight.waiting += 1;
    const answer = (value: T) => (joined ? structuredClone(value) : value);
    if (!signal) return flight.result.then(answer, (error: unknown) => Promise.reject(ownCopy(error)));
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        flight.waiting -= 1;
        reject(signal.reason);
        if (flight.waiting > 0) return;
        // Nobody waits any more: a later caller must start afresh rather than join a cancelled call.
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
        flight.controller.abort(signal.reason);
      };
      signal.addEventListener('abort', leave, { once: true });
      flight.result.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(answer(value));
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(ownCopy(error));
        },
      );
    });
  }
}

/** A copy of an error with every own property (message, code, extensions, cause…) and the same class. */
function ownCopy(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
  const extensions = (error as { extensions?: unknown }).extensions;
  if (extensions && typeof extensions === 'object') {
    Object.defineProperty(copy, 'extensions', { value: { ...extensions }, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
