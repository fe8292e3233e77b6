import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathOfUrl } from '../../src/observability/url-path.js';

describe('pathOfUrl', () => {
  it('gives the path of absolute URLs, without query or fragment', () => {
    expect(pathOfUrl('http://127.0.0.1:4000/graphql?query=%7B%7D')).toBe('/graphql');
    expect(pathOfUrl('http://gateway.internal/graphql')).toBe('/graphql');
    expect(pathOfUrl('http://backend:7001/api/v2/campaigns/7#top')).toBe('/api/v2/campaigns/7');
    expect(pathOfUrl('http://backend:7001')).toBe('/');
    expect(pathOfUrl('http://backend:7001?x=1')).toBe('/');
  });

  it('agrees with URL on every URL URL itself would print', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_~%-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.option(fc.stringMatching(/^[a-z0-9=&]{0,10}$/)), (segments, query) => {
        const url = `http://127.0.0.1:7001/${segments.join('/')}${query === null ? '' : `?${query}`}`;
        expect(pathOfUrl(url)).toBe(new URL(url).pathname);
      }),
    );
  });
});
