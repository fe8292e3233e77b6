import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

interface HttpExtension {
  status?: number;
  headers?: Record<string, string>;
  spec?: boolean;
}

/** The same error with other extensions (GraphQLError's own are read-only in spirit: rebuild it). */
function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
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
 * What an error answered over HTTP must look like for a client:
 * - a refusal by a request limit (`extensions.limit`: depth, aliases, tokens,
 *   document size, cost, directives) is answered 400 whatever the client
 *   accepts: yoga would answer `accept: application/json` clients 200 for an
 *   invalid document, so a limit refusal would look like a success to them;
 * - yoga's own diagnostics stay out: its 400 for a body that is not JSON
 *   carries `extensions.originalError` (the parser's message, quoting the
 *   body) under any NODE_ENV. It keeps its 400 here too.
 * yoga itself removes `extensions.http` and `extensions.unexpected` from the
 * body; the WebSocket transport strips all of these on its own.
 */
export function useHttpErrorAnswers(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || !result.errors?.length) return;
      let changed = false;
      const errors = result.errors.map((error) => {
        if (!(error instanceof GraphQLError) || !error.extensions) return error;
        const { originalError: _detail, ...extensions } = error.extensions as Record<string, unknown>;
        const http = extensions.http as HttpExtension | undefined;
        const limited = extensions.limit !== undefined;
        const detailed = error.extensions.originalError !== undefined;
        if (!limited && !detailed) return error;
        changed = true;
        // A status of its own (not marked `spec`) is one yoga answers with, whatever the client accepts.
        extensions.http = { status: limited ? 400 : (http?.status ?? 400), headers: http?.headers };
        return withExtensions(error, extensions);
      });
      if (changed) setResult({ ...result, errors });
    },
  };
}
