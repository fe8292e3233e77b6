import { z } from 'zod';
import { badInput } from '../../model/errors.js';

/** A plain JSON object (not an array, not null). */
export const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'Expected a JSON object',
);

/** A string with something other than white space in it. */
export const nonBlank = z.string().refine((value) => value.trim() !== '', 'Must not be blank');

/** An ISO 8601 date-time with `Z` or an offset, normalized to UTC with milliseconds. */
export const dateTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/**
 * Checks a mutation's input before any backend call; the first problem becomes
 * `BAD_USER_INPUT` with `field` = `input.<path>` (or `root` alone for the input as a whole).
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, backend: string, root = 'input'): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [root, ...(issue?.path ?? []).map(String)].join('.');
  throw badInput(`${field}: ${issue?.message ?? 'invalid'}`, field, backend);
}
