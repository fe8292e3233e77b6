import { describe, expect, it } from 'vitest';
import { toPushedFilter } from '../../../src/adapters/schema-type/search-filter.js';

describe('schemaType search filter', () => {
  it('has no q and is exact without a filter, or with only a status filter', () => {
    expect(toPushedFilter({})).toEqual({ q: undefined, exact: true });
    expect(toPushedFilter({ status: ['ACTIVE'], channels: [] })).toEqual({ q: undefined, exact: true });
  });

  it('pushes a one-word nameContains down exactly', () => {
    expect(toPushedFilter({ nameContains: 'Past-Due' })).toEqual({ q: 'name:*Past-Due*', exact: true });
  });

  it('is not exact when channels or creation bounds are filtered too', () => {
    expect(toPushedFilter({ nameContains: 'promo', channels: ['SMS'] })).toEqual({ q: 'name:*promo*', exact: false });
    expect(toPushedFilter({ createdAfter: '2026-01-01T00:00:00.000Z' })).toEqual({ q: undefined, exact: false });
    expect(toPushedFilter({ createdBefore: '2026-01-01T00:00:00.000Z' }).exact).toBe(false);
  });

  it('splits several words into a superset query, leaving operator words out', () => {
    expect(toPushedFilter({ nameContains: 'holiday promo' })).toEqual({ q: 'name:*holiday* AND name:*promo*', exact: false });
    expect(toPushedFilter({ nameContains: 'salt AND pepper' })).toEqual({ q: 'name:*salt* AND name:*pepper*', exact: false });
    expect(toPushedFilter({ nameContains: ' AND ' })).toEqual({ q: undefined, exact: false });
    expect(toPushedFilter({ nameContains: ' promo' })).toEqual({ q: 'name:*promo*', exact: false });
  });

  it.each(['a*b', 'name:x', 'x:y', '"quoted"', 'back\\slash', 'why?', '(group)', '[1 TO 2]', 'a~', 'a^2', '+must', '!not', 'a/b'])(
    'does not push down %j',
    (nameContains) => {
      expect(toPushedFilter({ nameContains })).toEqual({ q: undefined, exact: false });
    },
  );

  it('keeps letters of any script and digits', () => {
    expect(toPushedFilter({ nameContains: 'Größe2026' })).toEqual({ q: 'name:*Größe2026*', exact: true });
  });
});
