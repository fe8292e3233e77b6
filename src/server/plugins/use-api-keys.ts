import { timingSafeEqual, createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiKeyConfig } from '../../config/gateway-config.js';
import { SCOPES, type Scope } from '../../config/config-schema.js';

/** Options of {@link useApiKeys}. */
export interface ApiKeysOptions {
  /** Configured keys; undefined means the gateway is open (every scope). */
  apiKeys: readonly ApiKeyConfig[] | undefined;
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
  const digest = (value: string) => createHash('sha256').update(value).digest();
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
 * Refuses GraphQL requests over HTTP and SSE without a valid key with `401` and
 * `UNAUTHENTICATED` before anything is parsed or executed. Scopes are enforced
 * per field by the schema. Keys are never logged.
 */
export function useApiKeys(options: ApiKeysOptions): Plugin {
  const resolve = createKeyResolver(options.apiKeys);
  return {
    onRequestParse({ request }) {
      if (!options.apiKeys) return;
      if (resolve(presentedKey(request.headers)) === null) {
        throw new GraphQLError('a valid API key is required (Authorization: Bearer <key> or X-API-Key)', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
        });
      }
    },
  };
}

