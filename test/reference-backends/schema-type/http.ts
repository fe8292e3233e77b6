import { request } from 'undici';
import type { SchemaTypeReferenceBackend } from '../../../src/reference-backends/schema-type/index.js';

/** The collection path of campaigns. */
export const CAMPAIGNS = '/api/v1/schema-types/campaign';

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
  /** Bearer token; default the backend's own. Null sends no Authorization header. */
  token?: string | null;
  /** `X-Tenant-Id`; default the backend's tenant. Null sends no header. */
  tenant?: string | null;
  /** A body sent as is, instead of `JSON.stringify(body)`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One HTTP request to a running schema-type backend, authenticated unless told otherwise. */
export async function call(
  backend: SchemaTypeReferenceBackend,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Answer> {
  const token = options.token === undefined ? backend.credentials.token : options.token;
  const tenant = options.tenant === undefined ? backend.credentials.tenantId : options.tenant;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (tenant !== null) headers['x-tenant-id'] = tenant;
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

/** A search with the given query parameters (encoded here). */
export function search(backend: SchemaTypeReferenceBackend, params: Record<string, string | number> = {}, options?: CallOptions) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return call(backend, 'GET', query ? `${CAMPAIGNS}?${query}` : CAMPAIGNS, undefined, options);
}

/** A minimal valid create body's `data`. */
export function validData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Test Campaign', type: 'DEFAULT', workflowId: 'wf_test', ...overrides };
}
