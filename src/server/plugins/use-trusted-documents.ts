import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultExtractPersistedOperationId, usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { parse } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { ConfigError } from '../../config/load-config.js';

/** Options of {@link useTrustedDocuments}: the config's `trustedDocuments`. */
export interface TrustedDocumentsOptions {
  /**
   * The manifest: each document's SHA-256 hash (`sha256:<hex>` or bare hex) to
   * its text, as graphql-codegen's client preset writes `persisted-documents.json`.
   * A relative path is taken from the working directory.
   */
  file: string;
  /** Whether requests may also send their own `query` text; default false (trusted documents only). */
  allowArbitrary?: boolean;
}

/** Longest document id looked up; longer ones are simply unknown. */
const MAX_ID_LENGTH = 200;

const manifestSchema = z
  .record(z.string().min(1).max(MAX_ID_LENGTH), z.string().min(1))
  .refine((documents) => Object.keys(documents).length > 0, 'the manifest names no document');

/** `sha256:<hex>` and `<hex>` name the same document. */
const normalizeId = (id: string) => id.replace(/^sha256:/, '');

/** Reads the manifest; an unreadable or malformed one stops startup with a line naming the file. */
export function loadTrustedDocuments(file: string): Map<string, string> {
  const problem = (why: string) => new ConfigError([`trustedDocuments.file: ${file}: ${why}`]);
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw problem(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw problem('not valid JSON');
  }
  const manifest = manifestSchema.safeParse(json);
  if (!manifest.success) throw problem('not a map of document hashes to document texts');
  const documents = new Map<string, string>();
  for (const [id, source] of Object.entries(manifest.data)) {
    try {
      parse(source);
    } catch (error) {
      throw problem(`document "${id}" is not GraphQL (${(error as Error).message})`);
    }
    documents.set(normalizeId(id), source);
  }
  return documents;
}

/** The document id a request names: `documentId` (body, or query string on GET) or `extensions.persistedQuery.sha256Hash`. */
function documentIdOf(params: Record<string, unknown> | undefined, request?: Request): string | null {
  if (!params) return null;
  if (typeof params.documentId === 'string') return params.documentId;
  if (request?.method === 'GET') {
    const fromUrl = new URL(request.url).searchParams.get('documentId');
    if (fromUrl) return fromUrl;
  }
  return defaultExtractPersistedOperationId(params as never, request as never, {});
}

const notFound = () =>
  createGraphQLError('no trusted document has this id', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } } });
const persistedOnly = () =>
  createGraphQLError('this gateway runs trusted documents only: send a documentId instead of a query', {
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  });
const idRequired = () =>
  createGraphQLError('send a documentId (or a query)', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * Trusted documents: a request may name a document of the manifest by id
 * instead of sending its text, and unless `allowArbitrary` it must. Over HTTP
 * and SSE @graphql-yoga/plugin-persisted-operations resolves ids and refuses
 * other queries before anything is parsed or executed. WebSocket operations
 * do not pass through yoga's request parameters, so the same rule is applied
 * again when their document is parsed: an id (in `documentId` or
 * `extensions.persistedQuery`, with an empty `query`) or the exact text of a
 * trusted document.
 */
export function useTrustedDocuments(options: TrustedDocumentsOptions): Plugin {
  const documents = loadTrustedDocuments(options.file);
  const trustedTexts = new Set(documents.values());
  const allowArbitrary = options.allowArbitrary ?? false;
  const lookup = (id: string) => (id.length > MAX_ID_LENGTH ? null : (documents.get(normalizeId(id)) ?? null));

  const persisted = usePersistedOperations({
    allowArbitraryOperations: allowArbitrary,
    extractPersistedOperationId: (params, request) => documentIdOf(params as Record<string, unknown>, request),
    getPersistedOperation: lookup,
    customErrors: { notFound, persistedQueryOnly: persistedOnly, keyNotFound: idRequired },
  });

  return {
    onPluginInit({ addPlugin }) {
      addPlugin(persisted);
    },
    onParse({ context, params, setParsedDocument }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      // HTTP and SSE arrive here with the manifest's text already in place.
      if (trustedTexts.has(source)) return;
      const id = documentIdOf(context.params as unknown as Record<string, unknown> | undefined);
      if (id && source.trim() === '') {
        const text = lookup(id);
        if (text === null) throw notFound();
        setParsedDocument(parse(text));
        return;
      }
      if (!allowArbitrary) throw persistedOnly();
    },
  };
}
