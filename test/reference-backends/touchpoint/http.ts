import type { TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { jsonCall, type Answer, type JsonCallOptions } from '../../support/json-call.js';

export type { Answer };

/** Per-call overrides of {@link call}. */
export interface CallOptions extends JsonCallOptions {
  /** The bearer token to send; default the backend's own. Null sends no Authorization header. */
  token?: string | null;
}

/** One HTTP request to a running touchpoint backend, authenticated unless told otherwise. */
export async function call(
  backend: TouchpointReferenceBackend,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Answer> {
  const token = options.token === undefined ? backend.credentials.token : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return jsonCall(`${backend.url}${path}`, method, body, { headers, rawBody: options.rawBody });
}

/** Follows `next_cursor` from the first page to the last, returning every page. */
export async function allPages(
  backend: TouchpointReferenceBackend,
  path: string,
  limit: number,
): Promise<Array<{ data: any[]; next_cursor: string | null }>> {
  const pages: Array<{ data: any[]; next_cursor: string | null }> = [];
  let cursor: string | null = null;
  const separator = path.includes('?') ? '&' : '?';
  do {
    const query = `limit=${limit}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
    const answer = await call(backend, 'GET', `${path}${separator}${query}`);
    if (answer.status !== 200) throw new Error(`page request failed with ${answer.status}: ${answer.text}`);
    pages.push(answer.body);
    cursor = answer.body.next_cursor;
  } while (cursor !== null);
  return pages;
}
