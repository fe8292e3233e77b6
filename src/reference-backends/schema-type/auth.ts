import type { BackendRequest, BackendResponse } from '../shared/json-server.js';

/** The permission scopes of the seed. `campaigns:admin` grants all of them. */
export type Scope = 'campaigns:read' | 'campaigns:write' | 'campaigns:delete' | 'campaigns:admin';

/** Options of {@link createAuthenticator}. */
export interface AuthOptions {
  /** The one tenant this backend serves; `X-Tenant-Id` must name it. */
  tenantId: string;
  /** Bearer tokens accepted, with the scopes each carries. */
  tokens: Readonly<Record<string, readonly Scope[]>>;
}

/** The answer to a missing or unknown bearer token. */
export const UNAUTHORIZED: BackendResponse = { status: 401, body: { message: 'unauthorized' } };
const UNKNOWN_TENANT: BackendResponse = { status: 401, body: { message: 'unknown tenant' } };

/** The scope an HTTP method needs: reads need read, deletes delete, everything else write. */
export function requiredScope(method: string): Scope {
  if (method === 'GET' || method === 'HEAD') return 'campaigns:read';
  if (method === 'DELETE') return 'campaigns:delete';
  return 'campaigns:write';
}

/**
 * Checks `Authorization: Bearer <token>`, then `X-Tenant-Id`, then the token's
 * scopes; returns the refusal (401, 401, 403) or undefined to let the request in.
 */
export function createAuthenticator(options: AuthOptions): (request: BackendRequest) => BackendResponse | undefined {
  const tokens = new Map(Object.entries(options.tokens));
  return (request) => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const scopes = token === undefined ? undefined : tokens.get(token);
    if (!scopes) return UNAUTHORIZED;
    if (request.headers['x-tenant-id'] !== options.tenantId) return UNKNOWN_TENANT;
    const needed = requiredScope(request.method);
    if (!scopes.includes(needed) && !scopes.includes('campaigns:admin')) {
      return { status: 403, body: { message: `missing scope ${needed}` } };
    }
    return undefined;
  };
}
