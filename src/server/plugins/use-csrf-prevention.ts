import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Options of {@link useCsrfPrevention}. */
export interface CsrfPreventionOptions {
  /** Headers any one of which lets a form, multipart or text POST through; default `x-graphql-yoga-csrf`. */
  requestHeaders?: string[];
}

/**
 * Refuses the POSTs a web page can make a browser send without asking first
 * (no CORS preflight): `application/x-www-form-urlencoded`, `multipart/form-data`
 * and `text/plain` bodies answer 403 (`BAD_REQUEST`) unless they carry one of
 * `requestHeaders`, which a page can only set after a preflight. So no page can
 * drive a gateway (a mutation above all) through a visitor's browser. Built on
 * `@graphql-yoga/plugin-csrf-prevention`, applied to POSTs only: a GET runs no
 * mutation (405) and an `EventSource` (SSE over GET) cannot set headers.
 */
export function useCsrfPrevention(options: CsrfPreventionOptions = {}): Plugin {
  const requestHeaders = options.requestHeaders ?? ['x-graphql-yoga-csrf'];
  const csrf = useCSRFPrevention({ requestHeaders });
  return {
    onRequestParse(payload) {
      if (payload.request.method !== 'POST') return undefined;
      try {
        return csrf.onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(
          `a form, multipart or text/plain POST needs the ${requestHeaders.join(' or ')} header; send JSON (content-type: application/json) instead`,
          { extensions: { code: 'BAD_REQUEST', http: { status: 403 } } },
        );
      }
    },
  };
}
