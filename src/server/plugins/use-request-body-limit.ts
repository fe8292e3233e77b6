import type { Plugin } from 'graphql-yoga';

/**
 * Makes the request body limit safe on keep-alive connections. yoga's
 * `maxRequestBodySize` (set by `createGateway`, default 1 MiB) answers 413 as
 * soon as `Content-Length` or the streamed bytes pass the limit, and stops
 * reading there; the unread rest of the body would then be taken for the start
 * of the next request on the same connection, which hangs and fails. A 413
 * therefore closes its connection, and the client's next request opens a clean one.
 */
export function useRequestBodyLimit(): Plugin {
  return {
    onResponse({ response }) {
      if (response.status === 413) response.headers.set('connection', 'close');
    },
  };
}
