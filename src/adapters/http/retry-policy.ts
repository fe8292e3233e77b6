/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** First delay before jitter; default 100 ms. */
  baseMs?: number;
  /** Largest delay; default 2000 ms. */
  maxMs?: number;
}

/**
 * Exponential backoff with full jitter: a random delay in [0, min(max, base·2^attempt)].
 * Full jitter spreads retries of many callers so they do not arrive together.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs ?? 2000, (options.baseMs ?? 100) * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** What bounds one upstream call: attempts, their timeout and the backoff between them. */
export interface CallBudgetOptions {
  /** Budget of one attempt. */
  timeoutMs: number;
  /** Extra attempts after the first. */
  retries: number;
  backoff?: BackoffOptions;
}

/**
 * The longest one call may take: every attempt's timeout plus the largest backoff
 * before each retry. A caller never waits longer than this for a backend (timers
 * firing late aside), which is what lets a slow backend cost a query only its budget.
 */
export function callBudgetMs(options: CallBudgetOptions): number {
  let total = options.timeoutMs * (options.retries + 1);
  for (let attempt = 0; attempt < options.retries; attempt += 1) {
    total += Math.min(options.backoff?.maxMs ?? 2000, (options.backoff?.baseMs ?? 100) * 2 ** attempt);
  }
  return total;
}

/** Seconds of a `Retry-After` header as milliseconds (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Options of {@link RetryBudget}. */
export interface RetryBudgetOptions {
  /** Retries allowed as a fraction of first attempts; default 0.2. */
  ratio?: number;
  /** Retries always allowed per window regardless of traffic; default 10. */
  minRetries?: number;
  /** Window over which attempts are counted; default 10 000 ms. */
  windowMs?: number;
}

/**
 * Caps retries to a share of recent traffic so that a struggling backend is not
 * stormed: once retries exceed `minRetries + ratio × requests` in the window, no
 * more retries until the window moves on.
 */
export class RetryBudget {
  readonly #ratio: number;
  readonly #minRetries: number;
  readonly #windowMs: number;
  #windowStart = 0;
  #requests = 0;
  #retries = 0;

  constructor(options: RetryBudgetOptions = {}, private readonly now: () => number = Date.now) {
    this.#ratio = options.ratio ?? 0.2;
    this.#minRetries = options.minRetries ?? 10;
    this.#windowMs = options.windowMs ?? 10_000;
  }

  #roll(): void {
    const now = this.now();
    if (now - this.#windowStart >= this.#windowMs) {
      this.#windowStart = now;
      this.#requests = 0;
      this.#retries = 0;
    }
  }

  /** Records a first attempt. */
  recordRequest(): void {
    this.#roll();
    this.#requests += 1;
  }

  /** Takes one retry from the budget; false when none is left. */
  tryTakeRetry(): boolean {
    this.#roll();
    if (this.#retries >= this.#minRetries + this.#ratio * this.#requests) return false;
    this.#retries += 1;
    return true;
  }
}
