import type { Plugin } from 'graphql-yoga';

/** Options of {@link useCors}. */
export interface CorsOptions {
  /** Browser origins allowed to call the gateway; default (undefined): any origin, never with credentials. */
  origins?: readonly string[];
  /** How long a browser may reuse a preflight answer, in seconds; default 600. */
  maxAgeSeconds?: number;
}

/** Headers a page may read from the gateway's answers. */
const EXPOSED_HEADERS = 'x-request-id';
/** The most request headers a preflight may ask for at once (a bound on what is echoed back). */
const MAX_REQUEST_HEADERS = 1024;

/**
 * CORS for browser clients. With `origins`, only those origins get
 * `Access-Control-Allow-Origin` (their own, with `Vary: Origin`); any other
 * origin gets no CORS header at all, so its page cannot read the answer. Without
 * `origins`, every origin may call, as `*`: the gateway's keys travel in headers,
 * not cookies, so credentials (`Access-Control-Allow-Credentials`) are never allowed.
 * A preflight is answered 204 here, before authentication.
 */
export function useCors(options: CorsOptions = {}): Plugin {
  const allowed = options.origins ? new Set(options.origins) : undefined;
  const maxAge = String(options.maxAgeSeconds ?? 600);

  /** The `Access-Control-Allow-Origin` value for this origin, or null when it is not allowed. */
  const allowOrigin = (origin: string | null): string | null => {
    if (!origin) return null;
    if (!allowed) return '*';
    return allowed.has(origin) ? origin : null;
  };

  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const method = request.headers.get('access-control-request-method');
      if (request.method !== 'OPTIONS' || !method) return;
      const headers = new fetchAPI.Headers({ 'content-length': '0', vary: 'Origin, Access-Control-Request-Headers' });
      const origin = allowOrigin(request.headers.get('origin'));
      if (origin) {
        headers.set('access-control-allow-origin', origin);
        headers.set('access-control-allow-methods', 'GET, POST, OPTIONS');
        const asked = request.headers.get('access-control-request-headers');
        if (asked && asked.length <= MAX_REQUEST_HEADERS) headers.set('access-control-allow-headers', asked);
        headers.set('access-control-max-age', maxAge);
      }
      endResponse(new fetchAPI.Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) return;
      const origin = allowOrigin(request.headers.get('origin'));
      if (allowed) response.headers.append('vary', 'Origin');
      if (!origin) return;
      response.headers.set('access-control-allow-origin', origin);
      response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    },
  };
}
