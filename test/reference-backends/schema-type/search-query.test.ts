import { describe, expect, it } from 'vitest';
import {
  matchesQuery,
  parseQuery,
  parseSearchRequest,
  runSearch,
  SearchParamError,
} from '../../../src/reference-backends/schema-type/search-query.js';

const FIELDS = ['name', 'description', 'useForSMS', 'createdAt'];
const record = { _id: 'a', name: 'Holiday Promo AND More', description: 'Price: 50% *off*', useForSMS: true, createdAt: 1700000000000 };
const matches = (q: string) => matchesQuery(record, parseQuery(q, FIELDS));

describe('schema-type search query language', () => {
  it('matches everything with an absent, empty or *:* query', () => {
    expect(parseQuery(null, FIELDS)).toEqual([]);
    expect(parseQuery('  ', FIELDS)).toEqual([]);
    expect(parseQuery('*:*', FIELDS)).toEqual([]);
    expect(parseQuery('*:* AND name:x', FIELDS)).toHaveLength(1);
  });

  it('matches whole values, case-insensitively, with * anywhere', () => {
    expect(matches('name:holiday promo and more')).toBe(true);
    expect(matches('name:holiday')).toBe(false);
    expect(matches('name:HOLI*')).toBe(true);
    expect(matches('name:*more')).toBe(true);
    expect(matches('name:*promo*')).toBe(true);
    expect(matches('name:h*y*m*e')).toBe(true);
    expect(matches('name:*')).toBe(true);
  });

  it('keeps AND inside quotes, and escapes special characters with a backslash', () => {
    expect(matches('name:"Holiday Promo AND More"')).toBe(true);
    expect(matches('name:"Holiday*"')).toBe(false);
    expect(matches('description:Price\\: 50% \\*off\\*')).toBe(true);
    expect(matches('description:*\\*off\\*')).toBe(true);
    expect(matches('description:*\\*of\\*')).toBe(false);
  });

  it('matches flags and numbers by their text, and every AND term must hold', () => {
    expect(matches('useForSMS:true AND createdAt:17*')).toBe(true);
    expect(matches('useForSMS:false AND createdAt:17*')).toBe(false);
    expect(matches('createdAt:1700000000000')).toBe(true);
  });

  it('treats lower-case "and" as part of the value, as Lucene does', () => {
    expect(parseQuery('name:a and b', FIELDS)).toHaveLength(1);
  });

  it.each([
    ['name', 'q term "name" is not of the form field:value'],
    [':x', 'q term ":x" is not of the form field:value'],
    ['name:   ', 'q term "name:" has no value'],
    ['AND name:x', 'q has an empty term around AND: "AND name:x"'],
    ['name:x AND  AND name:y', 'q has an empty term around AND: "name:x AND  AND name:y"'],
    ['name:"x', 'q has an unterminated quote'],
    ['name:{a TO b}', 'q term "name:{a TO b}": range queries are not supported'],
  ])('refuses %j', (q, message) => {
    expect(() => parseQuery(q, FIELDS)).toThrow(new SearchParamError('q', message));
  });
});

describe('schema-type search paging and sorting', () => {
  const fields = { searchable: FIELDS, sortable: ['createdAt', 'name'] };
  const parse = (query: string) => parseSearchRequest(new URLSearchParams(query), fields);

  it('defaults to rows 10, start 0 and createdAt desc', () => {
    expect(parse('')).toEqual({ terms: [], rows: 10, start: 0, sort: { field: 'createdAt', direction: 'desc' } });
    expect(parse('rows=&start=&sort=')).toMatchObject({ rows: 10, start: 0 });
  });

  it('reads a sort with + for the space, direction in any case', () => {
    expect(parse('sort=name+ASC').sort).toEqual({ field: 'name', direction: 'asc' });
  });

  it('breaks sort ties by _id so pages are stable', () => {
    const records = [
      { _id: 'b', name: 'Same', createdAt: 1 },
      { _id: 'a', name: 'same', createdAt: 2 },
      { _id: 'c', name: 'Other', createdAt: 3 },
    ];
    expect(runSearch(records, parse('sort=name asc')).results.map((r) => r._id)).toEqual(['c', 'a', 'b']);
    expect(runSearch(records, parse('sort=name desc&rows=2&start=1'))).toEqual({
      total: 3,
      results: [records[1], records[2]],
    });
  });
});
