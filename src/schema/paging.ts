import type { Page, PageRequest } from '../model/unified.js';
import type { CursorSigner } from '../gateway/cursor-signer.js';
import { badInput } from '../model/errors.js';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `first` any list accepts. */
export const MAX_PAGE_SIZE = 100;

/** Checks `first` (0‥100) and fills in the default. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return size;
}

/**
 * The most items a child cursor may skip after its backend position. Following
 * `endCursor` never skips more than one page; the bound keeps a cursor taken from
 * the middle of page after page from asking a backend for ever larger pages.
 */
export const MAX_CHILD_SKIP = 10 * MAX_PAGE_SIZE;

/** The most pages a lookup by id walks through a child list (v2 answers at most 1000 items per list). */
export const MAX_LOOKUP_PAGES = 20;

/** A child-list cursor: the backend's position token and how many items after it were already handed out. */
type ChildCursor = [after: string | null, skip: number];

function decodeChildCursor(raw: string, cursors: CursorSigner): ChildCursor {
  const parsed = cursors.verify('child', raw);
  if (Array.isArray(parsed) && parsed.length === 2 && (parsed[0] === null || typeof parsed[0] === 'string') && Number.isInteger(parsed[1]) && parsed[1] >= 0) {
    if (parsed[1] > MAX_CHILD_SKIP) throw badInput(`"after" is more than ${MAX_CHILD_SKIP} items past a page start; continue from a page's endCursor`, 'after');
    return parsed as ChildCursor;
  }
  throw badInput('"after" is not a cursor this gateway issued', 'after');
}

/**
 * One page of a backend child list (enrollments, messages) as a Relay
 * connection. Backends hand out a position only after a whole page, so an edge
 * cursor is that position plus how many items after it were already seen; the
 * last edge of a full page points straight at the backend's next position.
 */
export async function childConnection<T>(
  list: (page: PageRequest) => Promise<Page<T> | null>,
  args: { first?: number | null; after?: string | null },
  cursors: CursorSigner,
) {
  const first = pageSize(args.first);
  const [after, skip] = args.after ? decodeChildCursor(args.after, cursors) : [null, 0];
  const page = await list({ first: skip + first, after });
  if (!page) return null;
  const items = page.items.slice(skip, skip + first);
  const edges = items.map((node, index) => {
    const last = index === items.length - 1 && skip + items.length === page.items.length && page.next !== null;
    return { node, cursor: cursors.sign('child', last ? [page.next, 0] : [after, skip + index + 1]) };
  });
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.next !== null || page.items.length > skip + first,
      hasPreviousPage: args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Walks the pages of a child list to find one item (node lookups of enrollments
 * and messages), at most {@link MAX_LOOKUP_PAGES} of them: an item further down
 * reads as not found rather than costing a backend page after page.
 */
export async function findInPages<T>(
  list: (page: PageRequest) => Promise<Page<T> | null>,
  matches: (item: T) => boolean,
): Promise<T | null> {
  let after: string | null = null;
  for (let i = 0; i < MAX_LOOKUP_PAGES; i += 1) {
    const page: Page<T> | null = await list({ first: MAX_PAGE_SIZE, after });
    if (!page) return null;
    const found = page.items.find(matches);
    if (found) return found;
    if (page.next === null) return null;
    after = page.next;
  }
  return null;
}
