import { randomBytes } from 'node:crypto';
import { pathOfUrl } from '../../observability/url-path.js';
import { shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';
import { EXAMPLE_QUERY, type GraphiQLTab } from '../example-query.js';

/** Options of {@link useGraphiQLPage}. */
export interface GraphiQLPageOptions {
  /** The tabs of a first visit, computed at each page load (the live campaign changes). */
  tabs: () => GraphiQLTab[];
  /** Page title; default `campaign-gateway`. */
  title?: string;
  /** Where the page is served (a browser GET asking for HTML); default `/graphql`. */
  path?: string;
}

/**
 * What the page may load: its own inline script (by nonce) and styles, its
 * editors' workers from `blob:` URLs, images and fonts inline, and requests to
 * the gateway itself. Nothing from any other host.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves GraphiQL whole from the gateway: `@graphql-yoga/render-graphiql` inlines
 * GraphiQL's script, styles and editor workers into the page, so it loads
 * nothing from another host (it works offline) and runs under a strict CSP.
 *
 * It opens on the example query through `defaultTabs`. Yoga's own GraphiQL
 * (its CDN build, 4.5.0) passed its welcome text to GraphiQL as `initialQuery`
 * whatever the options said, and GraphiQL puts `initialQuery` before
 * `defaultQuery`, so the example never showed; the bundled build leaves
 * `initialQuery` unset when `defaultQuery` or `defaultTabs` is given.
 */
export function useGraphiQLPage(options: GraphiQLPageOptions): Plugin {
  const path = options.path ?? '/graphql';
  // Loaded with the first page: GraphiQL's bundle is some 30 MB of heap, which a
  // gateway nobody opens GraphiQL on should not carry (nor the garbage collector scan).
  let renderer: Promise<typeof import('@graphql-yoga/render-graphiql')> | undefined;
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (pathOfUrl(request.url) !== path || !shouldRenderGraphiQL(request)) return;
      return (renderer ??= import('@graphql-yoga/render-graphiql')).then(({ renderGraphiQL }) => {
        const nonce = randomBytes(16).toString('base64');
        const html = renderGraphiQL({
          title: options.title ?? 'campaign-gateway',
          defaultQuery: EXAMPLE_QUERY,
          defaultTabs: options.tabs(),
          defaultEditorToolsVisibility: true,
        }).replace('<script>', `<script nonce="${nonce}">`);
        endResponse(
          new fetchAPI.Response(html, {
            headers: {
              'content-type': 'text/html; charset=utf-8',
              'content-security-policy': contentSecurityPolicy(nonce),
              'cache-control': 'no-store',
              'x-content-type-options': 'nosniff',
              'referrer-policy': 'no-referrer',
            },
          }),
        );
      });
    },
  };
}
