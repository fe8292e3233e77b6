/**
 * Decides which replica polls a campaign. With one replica the answer is always
 * "this one"; with several, a lease in Redis makes it one at a time.
 */
export interface PollLease {
  /**
   * Takes or renews the lease on `key` for this replica; true when this replica
   * should poll now. Never rejects: an implementation decides what an outage means.
   */
  acquire(key: string): Promise<boolean>;
  /** Gives the lease up (only if this replica holds it). Never rejects. */
  release(key: string): Promise<void>;
  /** How long a lease lives without renewal, in ms (a dead holder is replaced within it). */
  readonly ttlMs: number;
}

/** The single-replica lease: always held. */
export const localLease: PollLease = {
  acquire: async () => true,
  release: async () => {},
  ttlMs: 0,
};

/** The lease TTL used when the config sets none: three poll intervals, at least one second. */
export function defaultLeaseTtlMs(pollIntervalMs: number): number {
  return Math.max(3 * pollIntervalMs, 1000);
}
