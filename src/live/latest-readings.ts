import type { StatsReading } from './stats-event.js';

/**
 * The newest reading of each watched campaign, kept a little longer than the
 * watch itself. A new watch starts from it instead of reading the backend:
 * with Redis that spares every non-polling replica its own read, and in one
 * process it spares a read when subscribers come and go faster than the poll
 * interval. Implementations never reject: a missing reading just means "read".
 */
export interface LatestReadings {
  get(campaignId: string): Promise<StatsReading | null>;
  set(campaignId: string, reading: StatsReading): Promise<void>;
  /** Forgets a reading that is known to be out of date (after a resend). */
  delete(campaignId: string): Promise<void>;
}

/** Readings in this process, each kept for `maxAgeMs` after it was made. */
export class MemoryLatestReadings implements LatestReadings {
  readonly #readings = new Map<string, StatsReading>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Readings kept now (for leak checks). */
  get size(): number {
    return this.#readings.size;
  }

  async get(campaignId: string): Promise<StatsReading | null> {
    const reading = this.#readings.get(campaignId);
    if (!reading) return null;
    if (this.now() - reading.at < this.maxAgeMs) return reading;
    this.#readings.delete(campaignId);
    return null;
  }

  async set(campaignId: string, reading: StatsReading): Promise<void> {
    // Drop expired readings as new ones come, so the map never outgrows the campaigns watched lately.
    const now = this.now();
    for (const [id, kept] of this.#readings) if (now - kept.at >= this.maxAgeMs) this.#readings.delete(id);
    this.#readings.set(campaignId, reading);
  }

  async delete(campaignId: string): Promise<void> {
    this.#readings.delete(campaignId);
  }
}
