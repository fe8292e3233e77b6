import type { Clock } from '../../../src/reference-backends/shared/clock.js';

/** What a bulletin reached: messages sent, delivered and bounced. */
export interface Reach {
  sent: number;
  delivered: number;
  bounced: number;
}

/** A bulletin as the notice board keeps it (times in Unix seconds). */
export interface StoredBulletin {
  ref: string;
  headline: string;
  /** `drafting`, `queued`, `sending`, `posted` or `withdrawn`. */
  phase: string;
  /** `mail`, `text`, `push`. */
  media: string[];
  opened: number;
  touched: number;
  reach: Reach;
}

/** The notice board's media. */
export const MEDIA = ['mail', 'text', 'push'] as const;

/** The bulletins of one account, in memory, refs in the order they were made. */
export class BulletinStore {
  readonly #bulletins = new Map<string, StoredBulletin>();
  #next = 2001;

  constructor(private readonly clock: Clock) {}

  load(bulletins: readonly StoredBulletin[]): void {
    for (const bulletin of bulletins) this.#bulletins.set(bulletin.ref, structuredClone(bulletin));
  }

  /** Every bulletin, by ref. */
  all(): StoredBulletin[] {
    return [...this.#bulletins.values()].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  }

  get(ref: string): StoredBulletin | undefined {
    return this.#bulletins.get(ref);
  }

  /** A new bulletin, `drafting`, opened now. */
  add(headline: string, media: string[]): StoredBulletin {
    const now = Math.floor(this.clock.now() / 1000);
    const bulletin: StoredBulletin = { ref: `blt-${this.#next++}`, headline, phase: 'drafting', media, opened: now, touched: now, reach: { sent: 0, delivered: 0, bounced: 0 } };
    this.#bulletins.set(bulletin.ref, bulletin);
    return bulletin;
  }

  remove(ref: string): boolean {
    return this.#bulletins.delete(ref);
  }
}
