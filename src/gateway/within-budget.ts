import type { CallContext } from '../adapters/http/call-context.js';
import { followSignal } from '../adapters/http/follow-signal.js';
import { GatewayError } from '../model/errors.js';

/** Room for the last attempt's own timeout to report first, so its more precise error wins. */
export const BUDGET_GRACE_MS = 250;

/**
 * Runs one backend's part of an answer within that backend's budget. A part
 * can take several upstream calls (the list, then the full records of the
 * campaigns handed out), and each call has its own timeout; this bounds the part
 * as a whole, so a list never waits longer for a backend than its budget. At the
 * deadline the part's upstream calls are cancelled and it fails with
 * `BACKEND_UNAVAILABLE`. The deadline is {@link BUDGET_GRACE_MS} after the budget
 * ran out, counted from `startedAt` (a `performance.now()`; default now), so a
 * part run in several steps shares one budget.
 */
export async function withinBudget<T>(
  backend: string,
  budgetMs: number | undefined,
  ctx: CallContext,
  work: (ctx: CallContext) => Promise<T>,
  startedAt: number = performance.now(),
): Promise<T> {
  if (budgetMs === undefined) return work(ctx);
  const { controller, unfollow } = followSignal(ctx.signal);
  const { signal } = controller;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new GatewayError('BACKEND_UNAVAILABLE', `backend "${backend}" did not answer within its budget of ${budgetMs} ms`, {
        backend,
      });
      controller.abort(error);
      reject(error);
    }, Math.max(0, startedAt + budgetMs + BUDGET_GRACE_MS - performance.now()));
  });
  try {
    return await Promise.race([work({ ...ctx, signal }), deadline]);
  } finally {
    clearTimeout(timer);
    unfollow();
  }
}
