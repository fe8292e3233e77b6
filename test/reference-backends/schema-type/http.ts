import type { SchemaTypeReferenceBackend } from '../../../src/reference-backends/schema-type/index.js';
import { jsonCall, type Answer, type JsonCallOptions } from '../../support/json-call.js';

export type { Answer };

/** The collection path of campaigns. */
export const CAMPAIGNS = '/api/v1/schema-types/campaign';

/** Per-call overrides of {@link call}. */
export interface CallOptions extends JsonCallOptions {
  /** Bearer token; default the backend's own. Null sends no Authorization header. */
  token?: string | null;
  /** `X-Tenant-Id`; default the backend's tenant. Null sends no header. */
  tenant?: string | null;
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
  return jsonCall(`${backend.url}${path}`, method, body, { headers, rawBody: options.rawBody });
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
