/** One call to a backend. */
export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, starting with `/`. */
  path: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | undefined>;
  /** JSON body. */
  body?: unknown;
  /**
   * Safe to send twice: retried on failure, and for a GET memoized within one
   * GraphQL request and shared with an identical GET in flight. Defaults to true
   * for GET and false otherwise; a request that is not idempotent is a write.
   */
  idempotent?: boolean;
}

/** A backend's answer: 2xx, or a 4xx the adapter maps to a contract error. */
export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON; the raw text when a 4xx body is not JSON; undefined when empty. */
  body: unknown;
}
