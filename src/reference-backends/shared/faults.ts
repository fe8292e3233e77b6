/**
 * Faults a test can switch on in-process. Each fault applies to every request
 * until cleared, or to the next `times` requests when `times` is given.
 */
export type Fault =
  /** Delay every answer by `ms` before handling it normally. */
  | { kind: 'latency'; ms: number; times?: number }
  /** Stop listening: new connections are refused until the fault is cleared. */
  | { kind: 'refuse' }
  /** Answer `500` with a JSON error body. */
  | { kind: 'status500'; times?: number }
  /** Answer `429` with `Retry-After: retryAfterSeconds` (default 1). */
  | { kind: 'rateLimit'; retryAfterSeconds?: number; times?: number }
  /** Answer `200` with an HTML page, as a misbehaving proxy would. */
  | { kind: 'nonJson'; times?: number }
  /** Answer `401` as if the credentials were wrong. */
  | { kind: 'unauthorized'; times?: number };

export type FaultKind = Fault['kind'];

/** The fault switches of one reference backend. */
export class FaultSwitches {
  #active: Fault[] = [];
  #remaining = new Map<Fault, number>();
  /** Called when `refuse` is switched on (true) or off (false); set by the server. */
  onRefuseChange: (refuse: boolean) => Promise<void> = async () => {};

  /** Switches a fault on (replacing an earlier fault of the same kind). */
  async set(fault: Fault): Promise<void> {
    const wasRefusing = this.isOn('refuse');
    this.#active = this.#active.filter((f) => f.kind !== fault.kind);
    this.#active.push(fault);
    if ('times' in fault && fault.times !== undefined) this.#remaining.set(fault, fault.times);
    if (fault.kind === 'refuse' && !wasRefusing) await this.onRefuseChange(true);
  }

  /** Switches one kind of fault off, or every fault without an argument. */
  async clear(kind?: FaultKind): Promise<void> {
    const wasRefusing = this.isOn('refuse');
    this.#active = kind ? this.#active.filter((f) => f.kind !== kind) : [];
    if (wasRefusing && !this.isOn('refuse')) await this.onRefuseChange(false);
  }

  isOn(kind: FaultKind): boolean {
    return this.#active.some((f) => f.kind === kind);
  }

  /**
   * The faults that apply to the request now arriving, consuming one use of
   * each counted fault. Latency comes first so it can combine with an answer fault.
   */
  take(): Fault[] {
    const applied = this.#active.filter((f) => f.kind !== 'refuse');
    for (const fault of applied) {
      const left = this.#remaining.get(fault);
      if (left === undefined) continue;
      if (left <= 1) {
        this.#remaining.delete(fault);
        this.#active = this.#active.filter((f) => f !== fault);
      } else {
        this.#remaining.set(fault, left - 1);
      }
    }
    return applied.sort((a, b) => (a.kind === 'latency' ? -1 : b.kind === 'latency' ? 1 : 0));
  }
}
