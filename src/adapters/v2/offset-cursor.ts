import { badInput } from '../../model/errors.js';
import type { Page, PageRequest } from '../../model/unified.js';

/**
 * Paging over a list the backend returns whole (a campaign's clients or
 * messages): the cursor is the offset of the next item, opaque to clients.
 */

const PREFIX = 'v2o:';

/** The opaque cursor of an offset. */
function encodeOffset(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The offset in a cursor; `BAD_USER_INPUT` (field `after`) for a cursor this adapter did not issue. */
function decodeOffset(cursor: string): number {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw badInput(`"${cursor}" is not a valid cursor`, 'after');
  return offset;
}

/** One page of `items` for a page request: `first` items after the cursor, `next` while more remain. */
export function pageOf<T>(items: readonly T[], page: PageRequest): Page<T> {
  const start = page.after === null ? 0 : decodeOffset(page.after);
  const end = start + Math.max(0, page.first);
  return {
    items: items.slice(start, end),
    next: end < items.length ? encodeOffset(end) : null,
    totalCount: items.length,
  };
}
