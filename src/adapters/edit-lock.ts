import { GatewayError } from '../model/errors.js';

/**
 * Runs a read-modify-write of one resource while no other holder of the same key
 * runs one. Backends that change a record only by replacing it whole (the
 * workspace workflow) lose a change when two such writes interleave; an adapter
 * puts each write under the lock of the record it replaces.
 *
 * {@link LocalEditLock} covers one process; a shared implementation
 * (`RedisEditLock` in `src/gateway/`) covers every replica that uses the same Redis.
 */
export interface EditLock {
  /**
   * Runs `work` once the lock on `key` is held and releases it when `work`
   * settles, whether it succeeded or not; answers what `work` answered.
   * `lost` aborts if the lock is known to have passed to another holder while
   * `work` still runs (a shared lock whose renewal was refused): a write not yet
   * sent should then not be sent. May reject before running `work` when the lock
   * cannot be had in time (a `CONFLICT` GatewayError).
   */
  withLock<T>(key: string, work: (lost: AbortSignal) => Promise<T>): Promise<T>;
}

/** A signal that never aborts: an in-process lock cannot be lost. */
const NEVER_LOST = new AbortController().signal;

/**
 * The in-process {@link EditLock}: work of one key runs one at a time, in arrival
 * order; different keys run side by side. Nothing is shared with other processes.
 */
export class LocalEditLock implements EditLock {
  /** The settled-when-done tail of each key's queue; a key leaves the map when its queue empties. */
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `work` once every earlier `withLock` of the same key has finished (whether it succeeded or not). */
  async withLock<T>(key: string, work: (lost: AbortSignal) => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => work(NEVER_LOST));
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

/**
 * The lock on `key` could not be had within the lock's bound: another edit of the
 * same record held it all that time. A `CONFLICT`: the caller may try again.
 */
export class EditLockTimeout extends GatewayError {
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super('CONFLICT', `"${key}" is being edited by another request (waited ${waitedMs} ms); try again`);
  }
}
