import { z } from 'zod';
import { badInput } from '../model/errors.js';
import { MAX_PAGE_SIZE } from './paging.js';

/** The most values a list argument takes (`nodes(ids:)`, `filter.backends`, `filter.status`, `filter.channels`): the same 100 as `first`. */
export const MAX_LIST_INPUT = MAX_PAGE_SIZE;

/** The most contacts one `enrollContacts` call takes (one upstream request). */
export const MAX_CONTACTS_PER_ENROLLMENT = 1000;

/** The longest `filter.nameContains`, in characters. */
export const MAX_NAME_FILTER_LENGTH = 256;

/**
 * A list input without repeats, in first-seen order; more than `max` values
 * (before repeats are dropped) is `BAD_USER_INPUT` on `field`, so a request
 * cannot make the gateway repeat work once per copy of a value.
 */
export function distinctBounded<T>(values: readonly T[] | null | undefined, field: string, max = MAX_LIST_INPUT): T[] | undefined {
  if (values == null) return undefined;
  if (values.length > max) throw badInput(`"${field}" takes at most ${max} values, got ${values.length}`, field);
  return [...new Set(values)];
}

/** `BAD_USER_INPUT` on `field` when a string input is longer than `max` characters. */
export function boundedText(value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value != null && value.length > max) throw badInput(`"${field}" takes at most ${max} characters, got ${value.length}`, field);
  return value;
}

/**
 * An update input that names at least one field (the zod schema of
 * `UpdateCampaignInput` and `UpdateTouchpointInput`). Answering an update that
 * names none with the record as it is would let a key that may only write read
 * any record it can name, so an update must change something.
 */
export function changingSomething<Input extends object>(): z.ZodType<Input> {
  return z.custom<Input>(
    (input) => typeof input === 'object' && input !== null && Object.values(input).some((value) => value !== undefined),
    '"input" changes nothing: give at least one field to change',
  );
}
