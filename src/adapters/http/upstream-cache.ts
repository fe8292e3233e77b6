import type { UpstreamResponse } from './upstream-request.js';

/**
 * Memo of idempotent upstream reads for one GraphQL request, so that no identical
 * upstream request is sent twice while answering it. Keys are full request URLs.
 */
export class UpstreamCache {
  #entries = new Map<string, Promise<UpstreamResponse>>();

  /** The memoized answer for `key`, or the result of `load` (memoized; a failure is not kept). */
  get(key: string, load: () => Promise<UpstreamResponse>): Promise<UpstreamResponse> {
    const cached = this.#entries.get(key);
    if (cached) return cached;
    const pending = load();
    this.#entries.set(key, pending);
    pending.catch(() => this.#entries.delete(key));
    return pending;
  }

  /** Forgets every entry whose key starts with `prefix` (a backend's base URL after a write). */
  invalidate(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
