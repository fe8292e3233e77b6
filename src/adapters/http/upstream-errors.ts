import { GatewayError } from '../../model/errors.js';

/** A `429` or `5xx` answer: the backend is there but cannot serve now. */
export class UpstreamStatusError extends GatewayError {
  readonly retryAfter: string | string[] | undefined;

  constructor(backend: string, status: number, retryAfter: string | string[] | undefined) {
    const what = status === 429 ? 'is rate-limiting the gateway (429)' : `failed (${status})`;
    super('BACKEND_UNAVAILABLE', `backend "${backend}" ${what}`, { backend, upstreamStatus: status });
    this.retryAfter = retryAfter;
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Turns a transport failure (refused, reset, timed out) into `BACKEND_UNAVAILABLE`. */
export function classifyTransportError(backend: string, error: unknown): GatewayError {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const name = (error as { name?: string } | undefined)?.name ?? '';
  const timedOut = TIMEOUT_CODES.has(code) || name === 'TimeoutError';
  const message = timedOut
    ? `backend "${backend}" did not answer in time`
    : `backend "${backend}" could not be reached${code ? ` (${code})` : ''}`;
  return new GatewayError('BACKEND_UNAVAILABLE', message, { backend, cause: error });
}
