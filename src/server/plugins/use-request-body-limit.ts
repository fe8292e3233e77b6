import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Options of {@link useRequestBodyLimit}. */
export interface RequestBodyLimitOptions {
  /** Largest request body in bytes; larger ones are answered 413. */
  maxBytes: number;
}

const CONTENT_LENGTH = /^\d+$/;

/**
 * A 413 closes its connection: the unread rest of the body would otherwise be taken
 * for the start of the next request on a keep-alive connection, which hangs and
 * fails; the client's next request opens a clean one.
 */
function tooLarge(): GraphQLError {
  return new GraphQLError('Request body too large', {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413, headers: { connection: 'close' } } },
  });
}

/** The request with a body that fails with 413 once more than `maxBytes` have streamed in. */
function limitedRequest(request: Request, maxBytes: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  let received = 0;
  // A native body stream only pipes through a native TransformStream (and a ponyfilled one through the ponyfill).
  const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half' } as RequestInit);
}

/**
 * The request body limit (in place of yoga's `maxRequestBodySize`, which
 * `createGateway` turns off). A `Content-Length` over the limit is answered 413
 * before the body is read. A body with a valid `Content-Length` under the limit
 * is read as it is: the HTTP parser delivers exactly that many bytes, so counting
 * them again (yoga pipes every body through a counting stream, a large part of a
 * small request's cost) proves nothing. Only a body without a length (chunked)
 * is counted while it streams, and fails with 413 past the limit. A 413 closes
 * its connection.
 */
export function useRequestBodyLimit(options: RequestBodyLimitOptions): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw new GraphQLError('Content-Length header is invalid.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
        if (Number(declared) > options.maxBytes) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser((req) => requestParser(limitedRequest(req, options.maxBytes, fetchAPI)));
    },
  };
}
