import { describe, expect, it } from 'vitest';
import { backoffDelay, callBudgetMs, retryAfterMs, RetryBudget } from '../../../src/adapters/http/retry-policy.js';

describe('backoffDelay: exponential with full jitter', () => {
  it('draws from [0, base·2^attempt]', () => {
    expect(backoffDelay(0, {}, () => 0)).toBe(0);
    expect(backoffDelay(0, {}, () => 1)).toBe(100);
    expect(backoffDelay(1, {}, () => 1)).toBe(200);
    expect(backoffDelay(3, { baseMs: 50 }, () => 0.5)).toBe(200);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(10, {}, () => 1)).toBe(2000);
    expect(backoffDelay(4, { baseMs: 100, maxMs: 500 }, () => 1)).toBe(500);
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds', () => {
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs(' 2 ')).toBe(2000);
    expect(retryAfterMs(['3', '9'])).toBe(3000);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('answers null when absent or unreadable', () => {
    expect(retryAfterMs(undefined)).toBeNull();
    expect(retryAfterMs('')).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});

describe('callBudgetMs: the longest one call may take', () => {
  it('is every attempt’s timeout plus the largest backoff before each retry', () => {
    expect(callBudgetMs({ timeoutMs: 5000, retries: 2 })).toBe(5000 * 3 + 100 + 200);
    expect(callBudgetMs({ timeoutMs: 300, retries: 1 })).toBe(700);
    expect(callBudgetMs({ timeoutMs: 1000, retries: 0 })).toBe(1000);
    expect(callBudgetMs({ timeoutMs: 100, retries: 6, backoff: { baseMs: 100, maxMs: 1000 } })).toBe(700 + 100 + 200 + 400 + 800 + 1000 + 1000);
  });
});

describe('RetryBudget', () => {
  it('allows minRetries plus a share of first attempts per window, then none', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0.5, minRetries: 2, windowMs: 1000 }, () => now);
    for (let i = 0; i < 4; i += 1) budget.recordRequest();
    const granted = Array.from({ length: 10 }, () => budget.tryTakeRetry()).filter(Boolean).length;
    expect(granted).toBe(2 + 0.5 * 4);
  });

  it('starts afresh when the window moves on', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0, minRetries: 1, windowMs: 1000 }, () => now);
    expect(budget.tryTakeRetry()).toBe(true);
    expect(budget.tryTakeRetry()).toBe(false);
    now = 1000;
    expect(budget.tryTakeRetry()).toBe(true);
  });
});
