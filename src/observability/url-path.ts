/**
 * The path of an absolute URL (`http://host:port/a/b?q=1` → `/a/b`), for logs
 * and span attributes: read off the string, without parsing a `URL` on every
 * request and every upstream call.
 */
export function pathOfUrl(url: string): string {
  const scheme = url.indexOf('//');
  const start = url.indexOf('/', scheme < 0 ? 0 : scheme + 2);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  const fragment = url.indexOf('#', start);
  const end = Math.min(query < 0 ? url.length : query, fragment < 0 ? url.length : fragment);
  return url.slice(start, end);
}
