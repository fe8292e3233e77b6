import { countersChanged, type LiveDeliveryStats, type StatsReading } from './stats-event.js';

/** Options of {@link DeliveryPoller}. */
export interface DeliveryPollerOptions {
  /** Reads the current counters (and whether they are final) from the backend. */
  read: () => Promise<Omit<LiveDeliveryStats, 'stale'>>;
  /** Called with each reading that differs from the previous one (and when the counters turn stale or fresh). */
  onChange: (reading: StatsReading) => void;
  /** Called after every read, changed or not, and after a failed one while counters are known (as stale). */
  onReading?: (reading: StatsReading) => void;
  /** Whether this replica should poll now (the lease), asked on every tick; default always. Must not reject. */
  mayPoll?: () => Promise<boolean>;
  /** Called on each tick on which another replica polls (`mayPoll` said no). */
  onIdleTick?: () => void;
  /** Poll interval in ms. */
  intervalMs: number;
  /** Longest wait between reads while the backend fails; default 60 000 ms. */
  maxBackoffMs?: number;
  /** Source of "now" in epoch ms; default `Date.now`. */
  now?: () => number;
}

/** Timers may fire a millisecond or two early; a read due that soon is due now. */
const EARLY_MS = 5;

/**
 * Polls one campaign's counters and reports changes. It ticks once per
 * interval: each tick asks `mayPoll` (so a lease is renewed, or taken over
 * from a replica that died) and reads when a read is due. While the backend
 * fails, reads back off exponentially (up to `maxBackoffMs`) but ticks, and so
 * lease renewals, keep their rhythm; the last counters are reported once as
 * stale, so viewers know without losing their stream.
 */
export class DeliveryPoller {
  readonly #options: DeliveryPollerOptions;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #ticking: Promise<void> | undefined;
  /** A read was asked for (refresh) and has not started yet. */
  #forced = false;
  #failures = 0;
  #last: LiveDeliveryStats | null = null;
  /** Epoch ms from which the next read is due. */
  #nextReadAt = 0;
  #holding = false;
  #polls = 0;
  #failedPolls = 0;

  constructor(options: DeliveryPollerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The last counters known (null before any reading). */
  get last(): LiveDeliveryStats | null {
    return this.#last;
  }

  /** Reads of the backend this poller made. */
  get polls(): number {
    return this.#polls;
  }

  /** Reads that failed. */
  get failedPolls(): number {
    return this.#failedPolls;
  }

  /** Whether the last tick found this replica allowed to poll. */
  get holding(): boolean {
    return this.#holding;
  }

  /** Starts from a reading made elsewhere (a first read, another replica's); the next read is due one interval after it. */
  seed(reading: StatsReading): void {
    this.#last = reading.stats;
    this.#nextReadAt = reading.at + this.#options.intervalMs;
  }

  /**
   * Takes counters published by whichever replica polls as the latest. A
   * replica that does not poll now also waits one interval from here before
   * its first read should it take over, so a handover does not read twice.
   */
  observe(stats: LiveDeliveryStats): void {
    this.#last = stats;
    if (!this.#holding) this.#nextReadAt = Math.max(this.#nextReadAt, this.#now() + this.#options.intervalMs);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#kick();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Reads at once if this replica polls (a resend changed the counters), then
   * keeps the usual rhythm. A read already running when this is called may have
   * started before the change, so another one follows it.
   */
  pollNow(): void {
    if (!this.#running) return;
    this.#forced = true;
    if (!this.#ticking) this.#kick();
  }

  #kick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const force = this.#forced;
    this.#forced = false;
    this.#ticking = this.#tick(force).finally(() => {
      this.#ticking = undefined;
      if (!this.#running) return;
      if (this.#forced) this.#kick();
      else this.#schedule();
    });
  }

  async #tick(force: boolean): Promise<void> {
    let held = true;
    if (this.#options.mayPoll) {
      try {
        held = await this.#options.mayPoll();
      } catch {
        held = true;
      }
    }
    this.#holding = held;
    if (!this.#running) return;
    if (!held) {
      this.#options.onIdleTick?.();
      return;
    }
    if (!force && this.#now() < this.#nextReadAt - EARLY_MS) {
      // Backing off: no read, but the stale counters stay on record for new subscribers.
      if (this.#failures > 0 && this.#last) this.#notifyReading({ stats: this.#last, at: this.#now() });
      return;
    }

    this.#polls += 1;
    let stats: LiveDeliveryStats;
    try {
      stats = { ...(await this.#options.read()), stale: false };
    } catch {
      if (!this.#running) return;
      this.#failures += 1;
      this.#failedPolls += 1;
      this.#nextReadAt = this.#now() + this.#backoffMs();
      if (!this.#last) return;
      const reading = { stats: this.#last.stale ? this.#last : { ...this.#last, stale: true }, at: this.#now() };
      this.#notifyReading(reading);
      this.#report(reading);
      return;
    }
    // A reading that lands after stop() is still the newest one: keep it for the next watch.
    const reading = { stats, at: this.#now() };
    this.#notifyReading(reading);
    if (!this.#running) return;
    this.#failures = 0;
    this.#nextReadAt = this.#now() + this.#options.intervalMs;
    this.#report(reading);
  }

  #backoffMs(): number {
    const exponential = this.#options.intervalMs * 2 ** Math.min(this.#failures, 20);
    return Math.min(exponential, this.#options.maxBackoffMs ?? 60_000);
  }

  #report(reading: StatsReading): void {
    const changed = countersChanged(this.#last, reading.stats);
    this.#last = reading.stats;
    if (!changed) return;
    try {
      this.#options.onChange(reading);
    } catch {
      // Delivery problems are the bus's to report; polling goes on.
    }
  }

  #notifyReading(reading: StatsReading): void {
    try {
      this.#options.onReading?.(reading);
    } catch {
      // A reading that cannot be kept only costs a later subscriber one read.
    }
  }

  #schedule(): void {
    // The holder wakes when its next read is due, at least once per interval so the
    // lease is renewed well within its TTL; the others ask for the lease every interval.
    const interval = this.#options.intervalMs;
    const delay = this.#holding ? Math.min(Math.max(this.#nextReadAt - this.#now(), 1), interval) : interval;
    this.#timer = setTimeout(() => this.#kick(), delay);
    this.#timer.unref();
  }
}
