import type { ZodType } from 'zod';
import type { CampaignListResult } from './seam/campaign-list.js';
import { GatewayError } from '../model/errors.js';
import type { Campaign } from '../model/unified.js';

/** Records that passed their wire schema, and one error per record that did not. */
export interface ParsedRecords<T> {
  valid: T[];
  errors: GatewayError[];
}

/**
 * Checks each record of a backend answer against its wire schema. A record that
 * fails is left out with a `BACKEND_ERROR` naming the backend and the record, so
 * one bad record does not cost the rest of the answer.
 */
export function parseRecords<T>(
  schema: ZodType<T>,
  records: readonly unknown[],
  backend: string,
  describe: (record: unknown, index: number) => string,
): ParsedRecords<T> {
  const valid: T[] = [];
  const errors: GatewayError[] = [];
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      errors.push(
        new GatewayError('BACKEND_ERROR', `backend "${backend}" sent ${describe(record, index)} that breaks its contract (${where}${issue?.message ?? 'invalid'})`, {
          backend,
        }),
      );
    }
  });
  return { valid, errors };
}

/** Parses one whole answer against its schema; a mismatch is `BACKEND_ERROR` for the backend. */
export function parseAnswer<T>(schema: ZodType<T>, body: unknown, backend: string, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new GatewayError('BACKEND_ERROR', `backend "${backend}" answered ${what} in an unexpected shape (${where}${issue?.message ?? 'invalid'})`, {
    backend,
  });
}

/** A list answer holding every campaign of a backend that reads everything at once (no paging). */
export function completeList(campaigns: Campaign[], recordErrors: GatewayError[]): CampaignListResult {
  return {
    items: campaigns.map((campaign) => ({ campaign, resume: null })),
    exhaustive: true,
    hasMore: false,
    totalCount: null,
    recordErrors,
  };
}
