/** One request as a reference backend received it. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/campaigns/cmp_1`. */
  path: string;
  /** Query parameters; a repeated key keeps its last value. */
  query: Record<string, string>;
  /** Epoch milliseconds (wall clock) when the request arrived. */
  at: number;
  /** The W3C `traceparent` header it carried, if any (how a caller's trace reached this backend). */
  traceparent?: string;
}

/** Filter for {@link RequestLog.count}: every given property must match. */
export interface RequestFilter {
  method?: string;
  /** Exact path, or a RegExp tested against the path. */
  path?: string | RegExp;
}

/** Every request a reference backend received, in arrival order, so tests can count upstream calls. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  /** Requests matching the filter (all of them without one). */
  list(filter: RequestFilter = {}): LoggedRequest[] {
    return this.entries.filter((entry) => {
      if (filter.method && entry.method !== filter.method.toUpperCase()) return false;
      if (typeof filter.path === 'string' && entry.path !== filter.path) return false;
      if (filter.path instanceof RegExp && !filter.path.test(entry.path)) return false;
      return true;
    });
  }

  count(filter: RequestFilter = {}): number {
    return this.list(filter).length;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
