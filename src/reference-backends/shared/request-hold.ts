import type { RequestFilter } from './request-log.js';

/**
 * A test switch of a reference backend: holds matching requests unanswered until
 * released, and counts how many requests are open (received, not yet answered)
 * at once. Tests prove with it which upstream calls a client has in flight together.
 */
export class RequestHold {
  #filter: RequestFilter | null = null;
  #held: (() => void)[] = [];
  #open = 0;
  #peakOpen = 0;
  #waiting: { count: number; resolve: () => void }[] = [];

  /** Holds every later request that matches `filter` (every request without one) until {@link release}. */
  hold(filter: RequestFilter = {}): void {
    this.#filter = filter;
  }

  /** Lets every held request go on and holds no more. */
  release(): void {
    this.#filter = null;
    for (const go of this.#held.splice(0)) go();
  }

  /** Requests held right now. */
  get held(): number {
    return this.#held.length;
  }

  /** Requests received and not yet answered, right now. */
  get open(): number {
    return this.#open;
  }

  /** The most requests open at once since the server started or {@link resetPeak}. */
  get peakOpen(): number {
    return this.#peakOpen;
  }

  resetPeak(): void {
    this.#peakOpen = this.#open;
  }

  /** Resolves once at least `count` requests are held. */
  whenHeld(count: number): Promise<void> {
    if (this.#held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push({ count, resolve }));
  }

  /** The server calls this as a request arrives: it counts as open, and waits while held. */
  async arrive(method: string, path: string): Promise<void> {
    this.#open += 1;
    this.#peakOpen = Math.max(this.#peakOpen, this.#open);
    if (!this.#matches(method, path)) return;
    const released = new Promise<void>((resolve) => this.#held.push(resolve));
    const held = this.#held.length;
    this.#waiting = this.#waiting.filter((waiter) => {
      if (waiter.count > held) return true;
      waiter.resolve();
      return false;
    });
    await released;
  }

  #matches(method: string, path: string): boolean {
    const filter = this.#filter;
    if (!filter) return false;
    if (filter.method && filter.method.toUpperCase() !== method) return false;
    if (typeof filter.path === 'string') return filter.path === path;
    return !filter.path || filter.path.test(path);
  }

  /** The server calls this once the request is answered (or its client went away). */
  leave(): void {
    this.#open -= 1;
  }
}
