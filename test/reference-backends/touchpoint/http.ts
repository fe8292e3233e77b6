import { request } from 'undici';
import type { TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';

/** What a test sees of one answer. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: any;
  text: string;
}

/** Per-call overrides of {@link call}. */
export interface CallOptions {
  /** The bearer token to send; default the backend's own. Null sends no Authorization header. */
  token?: string | null;
  /** A body sent as is, instead of `JSON.stringify(body)`. */
  rawBody?: string;
  headers?: Record<string, string>;
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
  const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await request(`${backend.url}${path}`, { method, headers, body: payload });
  const text = await response.body.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.statusCode, headers: response.headers, body: parsed, text };
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
