/**
 * Serializes async work per key, in arrival order. The workspace API changes a
 * workflow only by replacing it whole, so two touchpoint edits of one campaign that
 * read, modify and write at the same time would lose one change; running each
 * campaign's edits one after another in this process keeps them all.
 */
export class CampaignLock {
  /** The settled-when-done tail of each key's queue; a key leaves the map when its queue empties. */
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `work` once every earlier `run` of the same key has finished (whether it succeeded or not). */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** How many keys have work queued or running. */
  get size(): number {
    return this.#tails.size;
  }
}
