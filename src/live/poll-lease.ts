/**
 * Decides which replica polls a campaign. With one replica the answer is always
 * "this one"; with several, a lease in Redis makes it exactly one.
 */
export interface PollLease {
  /** Takes or renews the lease on `key` for this replica; true when this replica holds it now. */
  acquire(key: string): Promise<boolean>;
  /** Gives the lease up (only if this replica holds it). */
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
