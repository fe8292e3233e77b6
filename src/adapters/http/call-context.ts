import type { UpstreamCache } from './upstream-cache.js';

/** Per-call context every upstream call (and so every adapter method) receives. */
export interface CallContext {
  /** Aborted when the GraphQL client goes away; upstream calls stop with it. */
  signal?: AbortSignal;
  /** Per-GraphQL-request memo: identical idempotent upstream reads share one call. */
  cache?: UpstreamCache;
  /**
   * Read what the backend holds now: never share a read already in flight (a
   * read-modify-write must start from the current state). Default false.
   */
  fresh?: boolean;
}
