import type { CampaignFilter } from '../../model/campaign-query.js';

/** What of a {@link CampaignFilter} the search `q` carries. */
export interface PushedFilter {
  /** The `q` parameter; undefined searches everything. */
  q: string | undefined;
  /** True when `q` selects exactly the campaigns the filter selects, so the search's `total` is their count. */
  exact: boolean;
}

/**
 * Characters a word may have to be pushed down. The search language only
 * defines `field:value`, ` AND ` and `*`; anything that Lucene-style parsers
 * treat specially (`* ? : " \ ( ) [ ] { } ~ ^ ! + /` …) stays out of `q`.
 */
const SAFE_WORD = /^[\p{L}\p{N}_.,'’@-]+$/u;
/** Words a Lucene-style parser may read as operators. */
const OPERATORS = new Set(['and', 'or', 'not']);

/**
 * The search query for a filter. Only `nameContains` can be expressed (the
 * language has no ranges, and channels are several flags): each safe word
 * becomes `name:*word*`, so a name with several words is a superset query that
 * the gateway narrows; a term with anything unsafe is not pushed down at all.
 * Statuses need no query: every live campaign is `ACTIVE`.
 */
export function toPushedFilter(filter: CampaignFilter): PushedFilter {
  const othersPushed = !filter.channels?.length && !filter.createdAfter && !filter.createdBefore;
  const term = filter.nameContains;
  if (!term) return { q: undefined, exact: othersPushed };
  const words = term.split(/\s+/).filter((word) => word !== '');
  if (!words.every((word) => SAFE_WORD.test(word))) return { q: undefined, exact: false };
  const usable = words.filter((word) => !OPERATORS.has(word.toLowerCase()));
  if (usable.length === 0) return { q: undefined, exact: false };
  return {
    q: usable.map((word) => `name:*${word}*`).join(' AND '),
    exact: othersPushed && usable.length === 1 && usable[0] === term,
  };
}
