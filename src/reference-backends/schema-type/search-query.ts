/**
 * The search language of `GET /api/v1/schema-types/{objectType}`: a small
 * Lucene-style `q` plus `rows`, `start` and `sort`.
 *
 * `q` is `field:value` terms joined by ` AND `. In a value `*` matches any run of
 * characters, `\` makes the next character literal, and a value in double quotes
 * is taken literally (no wildcards). Values match case-insensitively against the
 * field's text (`true`/`false` for flags, decimal digits for numbers). `*:*` or an
 * absent/empty `q` matches everything.
 */

/** A search parameter that cannot be understood; answered with `400`. */
export class SearchParamError extends Error {
  constructor(
    /** The query parameter at fault: `q`, `rows`, `start` or `sort`. */
    readonly param: 'q' | 'rows' | 'start' | 'sort',
    message: string,
  ) {
    super(message);
    this.name = 'SearchParamError';
  }
}

/** One `field:value` term, compiled. */
export interface SearchTerm {
  field: string;
  /** Anchored, case-insensitive pattern the field's text must match. */
  pattern: RegExp;
}

/** ` AND ` between two terms (the operator is upper case, as in Lucene). */
const AND_SEPARATOR = /^\s+AND\s+/;

/** Splits `q` into raw terms at ` AND ` outside quotes and escapes. */
function splitTerms(q: string): string[] {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < q.length; i++) {
    const char = q[i] as string;
    if (char === '\\') {
      current += q.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    const separator = quoted ? null : AND_SEPARATOR.exec(q.slice(i));
    if (separator) {
      terms.push(current);
      current = '';
      i += separator[0].length - 1;
      continue;
    }
    current += char;
  }
  if (quoted) throw new SearchParamError('q', 'q has an unterminated quote');
  terms.push(current);
  return terms.map((term) => term.trim());
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a raw value into an anchored pattern. */
function compileValue(value: string): RegExp {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    const literal = value.slice(1, -1).replace(/\\(.)/gs, '$1');
    return new RegExp(`^${escapeRegExp(literal)}$`, 'is');
  }
  let source = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    if (char === '\\' && i + 1 < value.length) source += escapeRegExp(value[++i] as string);
    else if (char === '*') source += '.*';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'is');
}

/**
 * Parses `q` into terms that must all match (none: match everything).
 * @param searchable the field names a term may use
 * @throws SearchParamError for a malformed query or an unknown field
 */
export function parseQuery(q: string | null, searchable: readonly string[]): SearchTerm[] {
  const trimmed = (q ?? '').trim();
  if (trimmed === '' || trimmed === '*:*') return [];
  return splitTerms(trimmed).flatMap((term): SearchTerm[] => {
    if (term === '' || /^AND(\s|$)|\sAND$/.test(term)) {
      throw new SearchParamError('q', `q has an empty term around AND: "${trimmed}"`);
    }
    const colon = term.indexOf(':');
    if (colon <= 0) throw new SearchParamError('q', `q term "${term}" is not of the form field:value`);
    const field = term.slice(0, colon).trim();
    const value = term.slice(colon + 1).trim();
    if (value === '') throw new SearchParamError('q', `q term "${term}" has no value`);
    if (field === '*') {
      if (value === '*') return [];
      throw new SearchParamError('q', `q term "${term}": only *:* may use the field *`);
    }
    if (!searchable.includes(field)) {
      throw new SearchParamError('q', `q names unknown field "${field}"; searchable fields: ${searchable.join(', ')}`);
    }
    if (/^[[{]/.test(value)) throw new SearchParamError('q', `q term "${term}": range queries are not supported`);
    return [{ field, pattern: compileValue(value) }];
  });
}

/** Whether a record matches every term. */
export function matchesQuery(record: object, terms: readonly SearchTerm[]): boolean {
  return terms.every(({ field, pattern }) => {
    const value = (record as Record<string, unknown>)[field];
    if (value === undefined || value === null || typeof value === 'object') return false;
    return pattern.test(String(value));
  });
}

/** Page size when `rows` is absent. */
export const DEFAULT_ROWS = 10;
/** Largest `rows` a search may ask for. */
export const MAX_ROWS = 100;

/** A sort order: `FIELD asc|desc`. */
export interface SearchSort {
  field: string;
  direction: 'asc' | 'desc';
}

/** Everything a search request asks for, parsed. */
export interface SearchRequest {
  terms: SearchTerm[];
  /** Page size applied; default {@link DEFAULT_ROWS}. */
  rows: number;
  /** Offset of the first result; default 0. */
  start: number;
  /** Default `createdAt desc`. */
  sort: SearchSort;
}

/** Fields a search request may name, per use. */
export interface SearchFields {
  searchable: readonly string[];
  sortable: readonly string[];
}

function parseCount(query: URLSearchParams, param: 'rows' | 'start', fallback: number): number {
  const raw = query.get(param)?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new SearchParamError(param, `${param} must be a non-negative integer`);
  return Number(raw);
}

function parseSort(raw: string | null, sortable: readonly string[]): SearchSort {
  const text = raw?.trim();
  if (!text) return { field: 'createdAt', direction: 'desc' };
  const [field = '', direction = '', ...rest] = text.split(/\s+/);
  const dir = direction.toLowerCase();
  if (!sortable.includes(field) || (dir !== 'asc' && dir !== 'desc') || rest.length > 0) {
    throw new SearchParamError('sort', `sort must be "FIELD asc|desc" with FIELD one of ${sortable.join(', ')}`);
  }
  return { field, direction: dir };
}

/**
 * Parses the query string of a search.
 * @throws SearchParamError for a malformed `q`, `rows` above {@link MAX_ROWS}, or a bad `start`/`sort`
 */
export function parseSearchRequest(query: URLSearchParams, fields: SearchFields): SearchRequest {
  const rows = parseCount(query, 'rows', DEFAULT_ROWS);
  if (rows > MAX_ROWS) throw new SearchParamError('rows', `rows must be at most ${MAX_ROWS}`);
  return {
    terms: parseQuery(query.get('q'), fields.searchable),
    rows,
    start: parseCount(query, 'start', 0),
    sort: parseSort(query.get('sort'), fields.sortable),
  };
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}

/**
 * Filters, sorts and pages records. Ties on the sort field fall back to `_id`
 * in the same direction, so paging through equal values is stable.
 */
export function runSearch<T extends { _id: string }>(records: readonly T[], request: SearchRequest): { total: number; results: T[] } {
  const { field, direction } = request.sort;
  const sign = direction === 'asc' ? 1 : -1;
  const hits = records
    .filter((record) => matchesQuery(record, request.terms))
    .sort((a, b) => {
      const byField = compareValues((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
      return sign * (byField !== 0 ? byField : a._id.localeCompare(b._id));
    });
  return { total: hits.length, results: hits.slice(request.start, request.start + request.rows) };
}
