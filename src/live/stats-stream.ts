import { countersChanged, type LiveDeliveryStats } from './stats-event.js';

/**
 * One subscriber's stream of counters. Counters are state, not a log: a
 * consumer that falls behind gets the newest value rather than a backlog, so a
 * slow client holds one value in memory however fast the counters move. A value
 * equal to the one the consumer has is never delivered again.
 *
 * Closing it (`return()`, by the transport when the client goes) runs
 * `onClose` once, whether or not iteration had started, which is what lets
 * the hub count subscribers exactly. Counters marked `done` are final: the
 * stream delivers them and then ends by itself, so the transport completes
 * the subscription.
 */
export class StatsStream implements AsyncIterableIterator<LiveDeliveryStats> {
  #delivered: LiveDeliveryStats | null = null;
  #pending: LiveDeliveryStats | null = null;
  #waiting: ((result: IteratorResult<LiveDeliveryStats>) => void) | null = null;
  #done = false;
  readonly #onClose: () => void;

  constructor(onClose: () => void) {
    this.#onClose = onClose;
  }

  get closed(): boolean {
    return this.#done;
  }

  /** Offers the newest counters; delivered only when they differ from what the consumer has. */
  push(stats: LiveDeliveryStats): void {
    // Once final counters wait for the consumer, nothing may replace them.
    if (this.#done || this.#pending?.done) return;
    if (!countersChanged(this.#delivered, stats)) {
      this.#pending = null;
      return;
    }
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = null;
      this.#deliver(stats);
      resolve({ value: stats, done: false });
      return;
    }
    this.#pending = stats;
  }

  next(): Promise<IteratorResult<LiveDeliveryStats>> {
    if (this.#pending) {
      const value = this.#pending;
      this.#pending = null;
      this.#deliver(value);
      return Promise.resolve({ value, done: false });
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<LiveDeliveryStats>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<LiveDeliveryStats>> {
    return this.return();
  }

  /** Hands counters to the consumer; final ones end the stream right after. */
  #deliver(stats: LiveDeliveryStats): void {
    this.#delivered = stats;
    if (stats.done) this.close();
  }

  /** Ends the stream: a waiting `next()` finishes, pending values are dropped. */
  close(): void {
    if (this.#done) return;
    this.#done = true;
    this.#pending = null;
    const resolve = this.#waiting;
    this.#waiting = null;
    resolve?.({ value: undefined, done: true });
    this.#onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
