import { badInput } from '../../model/errors.js';

/** Longest upstream URL the gateway sends, in bytes: 8 KiB, below what common servers and proxies accept. */
export const MAX_UPSTREAM_URL_BYTES = 8 * 1024;

/** Largest upstream JSON body the gateway sends, in bytes: 1 MiB, as large as a whole GraphQL request may be. */
export const MAX_UPSTREAM_BODY_BYTES = 1024 * 1024;

/**
 * Refuses, before anything is sent, a request the gateway should never make:
 * a URL or body so large that a backend (or a proxy before it) would reset the
 * connection. Such a failure would be counted against the backend's circuit
 * breaker and retried, so one client could take a backend away from everyone;
 * as `BAD_USER_INPUT` it costs nothing upstream and nothing to the breaker.
 */
export function checkOutgoing(backend: string, url: string, body: unknown): void {
  const urlBytes = Buffer.byteLength(url, 'utf8');
  if (urlBytes > MAX_UPSTREAM_URL_BYTES) {
    throw badInput(`the request to backend "${backend}" would have a ${urlBytes}-byte URL (at most ${MAX_UPSTREAM_URL_BYTES}): an input is too long`, undefined, backend);
  }
  if (body === undefined) return;
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    throw badInput(`the request to backend "${backend}" cannot be written as JSON: an input is nested too deeply`, undefined, backend);
  }
  const bodyBytes = Buffer.byteLength(text, 'utf8');
  if (bodyBytes > MAX_UPSTREAM_BODY_BYTES) {
    throw badInput(`the request to backend "${backend}" would carry a ${bodyBytes}-byte body (at most ${MAX_UPSTREAM_BODY_BYTES}): an input is too large`, undefined, backend);
  }
}
