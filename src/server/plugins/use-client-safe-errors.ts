import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function withoutOriginalError(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || error.extensions?.originalError === undefined) return error;
  const { originalError: _detail, ...extensions } = error.extensions;
  // yoga answers such an error 400 (not 200) for `accept: application/json` only while it
  // sees `originalError`; a status of its own (not marked `spec`) keeps the 400 without it.
  const http = extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
  if (http?.status) extensions.http = { status: http.status, headers: http.headers };
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

/**
 * Keeps yoga's own diagnostics out of HTTP answers: the 400 for a body that is
 * not JSON carries `extensions.originalError` (the parser's message, quoting the
 * body) under any NODE_ENV. yoga already removes `extensions.http` and
 * `extensions.unexpected`; the WebSocket transport strips all three itself.
 */
export function useClientSafeErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || !result.errors?.length) return;
      if (!result.errors.some((error) => (error as GraphQLError).extensions?.originalError !== undefined)) return;
      setResult({ ...result, errors: result.errors.map(withoutOriginalError) as GraphQLError[] });
    },
  };
}
