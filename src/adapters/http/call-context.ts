import type { RequestScope } from '../../observability/request-scope.js';
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
  /**
   * The request the call is made for: it counts the call for the request's log line
   * and gives its trace parent. Absent for work of no request (a subscription's polls).
   */
  scope?: RequestScope;
}
