import { hash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiKeyConfig } from '../../config/gateway-config.js';
import { SCOPES, type Scope } from '../../config/config-schema.js';

/** Options of {@link useApiKeys}. */
export interface ApiKeysOptions {
  /** Configured keys; undefined means the gateway is open (every scope). */
  apiKeys: readonly ApiKeyConfig[] | undefined;
  /**
   * The scopes of a request's key, null for no valid key; default: resolved from
   * `apiKeys` on each call. Pass {@link createRequestScopes} to share one resolution
   * per request with the context.
   */
  scopesOf?: (request: Request) => ReadonlySet<Scope> | null;
}

const ALL_SCOPES: ReadonlySet<Scope> = new Set(SCOPES);

/** The presented key: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(headers: { get(name: string): string | null }): string | null {
  const bearer = headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  return bearer || headers.get('x-api-key')?.trim() || null;
}

/**
 * Resolves an API key to its scopes, comparing digests in constant time so the
 * time taken says nothing about how much of a key matched.
 */
export function createKeyResolver(apiKeys: readonly ApiKeyConfig[] | undefined): (key: string | null) => ReadonlySet<Scope> | null {
  if (!apiKeys) return () => ALL_SCOPES;
  const digest = (value: string) => hash('sha256', value, 'buffer');
  const known = apiKeys.map((k) => ({ digest: digest(k.key), scopes: new Set(k.scopes) as ReadonlySet<Scope> }));
  return (key) => {
    if (!key) return null;
    const presented = digest(key);
    let found: ReadonlySet<Scope> | null = null;
    for (const candidate of known) if (timingSafeEqual(candidate.digest, presented)) found = candidate.scopes;
    return found;
  };
}

/**
 * The scopes of each request's key, resolved once per request however often it
 * is asked (the key check and the context both need them; hashing is the cost).
 */
export function createRequestScopes(apiKeys: readonly ApiKeyConfig[] | undefined): (request: Request) => ReadonlySet<Scope> | null {
  const resolve = createKeyResolver(apiKeys);
  const resolved = new WeakMap<Request, ReadonlySet<Scope> | null>();
  return (request) => {
    let scopes = resolved.get(request);
    if (scopes === undefined) {
      scopes = resolve(presentedKey(request.headers));
      resolved.set(request, scopes);
    }
    return scopes;
  };
}

/**
 * Refuses GraphQL requests over HTTP and SSE without a valid key with `401` and
 * `UNAUTHENTICATED` before anything is parsed or executed. Scopes are enforced
 * per field by the schema. Keys are never logged.
 */
export function useApiKeys(options: ApiKeysOptions): Plugin {
  const resolve = createKeyResolver(options.apiKeys);
  const scopesOf = options.scopesOf ?? ((request: Request) => resolve(presentedKey(request.headers)));
  return {
    onRequestParse({ request }) {
      if (!options.apiKeys) return;
      if (scopesOf(request) === null) {
        throw new GraphQLError('a valid API key is required (Authorization: Bearer <key> or X-API-Key)', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
        });
      }
    },
  };
}

