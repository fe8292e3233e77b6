import type { LiveDeliveryStats } from './stats-event.js';
import { countersChanged } from './stats-event.js';
import type { DeliveryStats } from '../model/unified.js';

/** Options of {@link DeliveryPoller}. */
export interface DeliveryPollerOptions {
  /** Reads the current counters from the backend. */
  read: () => Promise<DeliveryStats>;
  /** Called with each reading that differs from the previous one (and when the counters turn stale or fresh). */
  onChange: (stats: LiveDeliveryStats) => void;
  /** Whether this replica should poll now (the lease); default always. */
  mayPoll?: () => Promise<boolean>;
  /** Poll interval in ms. */
  intervalMs: number;
  /** Longest wait between polls while the backend fails; default 60 000 ms. */
  maxBackoffMs?: number;
}

/**
 * Polls one campaign's counters on a timer and reports changes. While the
 * backend fails it backs off exponentially (up to `maxBackoffMs`) and reports
 * the last counters once as stale, so viewers know without losing their stream.
 */
export class DeliveryPoller {
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #inFlight: Promise<void> | undefined;
  #failures = 0;
  #last: LiveDeliveryStats | null = null;

  constructor(private readonly options: DeliveryPollerOptions) {}

  /** The last counters seen (null before the first successful read). */
  get last(): LiveDeliveryStats | null {
    return this.#last;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.pollNow();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Polls at once (a resend changed the counters), then keeps the usual rhythm. */
  pollNow(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    clearTimeout(this.#timer);
    this.#inFlight ??= this.#poll().finally(() => {
      this.#inFlight = undefined;
      this.#schedule();
    });
    return this.#inFlight;
  }

  /** Takes a reading made elsewhere (another replica's poll) as the latest. */
  observe(stats: LiveDeliveryStats): void {
    this.#last = stats;
  }

  async #poll(): Promise<void> {
    if (this.options.mayPoll && !(await this.options.mayPoll())) return;
    try {
      const stats: LiveDeliveryStats = { ...(await this.options.read()), stale: false };
      this.#failures = 0;
      this.#report(stats);
    } catch {
      this.#failures += 1;
      if (this.#last && !this.#last.stale) this.#report({ ...this.#last, stale: true });
    }
  }

  #report(stats: LiveDeliveryStats): void {
    if (!this.#running) return;
    const changed = countersChanged(this.#last, stats);
    this.#last = stats;
    if (changed) this.options.onChange(stats);
  }

  #schedule(): void {
    if (!this.#running) return;
    const backoff = this.options.intervalMs * 2 ** Math.min(this.#failures, 10);
    const delay = this.#failures === 0 ? this.options.intervalMs : Math.min(backoff, this.options.maxBackoffMs ?? 60_000);
    this.#timer = setTimeout(() => void this.pollNow(), delay);
    this.#timer.unref();
  }
}
