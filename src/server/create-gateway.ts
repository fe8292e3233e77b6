import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { BackendSet } from '../gateway/backend-set.js';
import { CursorSigner } from '../gateway/cursor-signer.js';
import type { DeliveryStatsHub } from '../live/delivery-stats-hub.js';
import type { BackendKindRegistry } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY } from '../backend-kinds/registry.js';
import { schemaFor } from '../schema/index.js';
import { createContext, type GatewayContext } from './context.js';
import { graphiqlTabs, type ExampleData } from './example-query.js';
import { createRequestScopes, useApiKeys } from './plugins/use-api-keys.js';
import { useHttpErrorAnswers } from './plugins/use-http-error-answers.js';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { useDisableIntrospection } from './plugins/use-disable-introspection.js';
import { useHealth, type CircuitState } from './plugins/use-health.js';
import { GatewayMetrics, useMetrics } from './plugins/use-metrics.js';
import { usePartialErrors } from './plugins/use-partial-errors.js';
import { useInputErrorFields } from './plugins/use-input-error-fields.js';
import { useRequestBodyLimit } from './plugins/use-request-body-limit.js';
import { useRequestLimits, type RequestLimitsOptions } from './plugins/use-request-limits.js';
import { useTrustedDocuments } from './plugins/use-trusted-documents.js';
import { useRequestLog, useRequestScope } from './plugins/use-request-log.js';
import { useCors } from './plugins/use-cors.js';
import { useTracing } from './plugins/use-tracing.js';
import { useGraphiQLPage } from './plugins/use-graphiql-page.js';

/** Largest request body read, in bytes; larger ones are refused with 413. Default 1 MiB. */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Limits on each request; every one has a default. */
export interface GatewayLimits extends RequestLimitsOptions {
  /** Largest request body in bytes, by `Content-Length` and while streaming; default 1 MiB. Larger: HTTP 413. */
  maxRequestBodyBytes?: number;
}

/** What {@link createGateway} needs. */
export interface GatewayOptions {
  backends: BackendSet;
  live: DeliveryStatsHub;
  config: Pick<GatewayConfig, 'auth' | 'graphiql' | 'introspection'> & Partial<Pick<GatewayConfig, 'backends' | 'trustedDocuments' | 'cursorSecret' | 'cors'>>;
  logger: Logger;
  /** The backend kinds `Backend.kind` may name (the schema's `BackendKind` values); default every registered kind. */
  kinds?: BackendKindRegistry;
  /** Request limits; see {@link GatewayLimits} for the defaults. */
  limits?: GatewayLimits;
  /**
   * Metrics served at `/metrics`; default a fresh set. Pass the one whose
   * `observeUpstreamAttempt` the adapters were built with to count backend calls.
   */
  metrics?: GatewayMetrics;
  /** The breaker state of a backend by name, for `/readyz`; default: every circuit reads `closed`. */
  circuitOf?: (backend: string) => CircuitState | undefined;
  /** True while the server shuts down (`/readyz` answers 503). */
  draining?: () => boolean;
  /** What makes GraphiQL's example tabs ready to run (the demo's ids); default: the query and a subscription to fill in. */
  examples?: ExampleData;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/**
 * Builds the GraphQL gateway (no socket): schema, per-request context and the
 * plugins. `main.ts` listens; tests call `gateway.fetch(...)` directly.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { config } = options;
  const scopesOfRequest = createRequestScopes(config.auth?.apiKeys);
  const metrics = options.metrics ?? new GatewayMetrics();
  const cursors = new CursorSigner(config.cursorSecret);
  metrics.countSubscriptionsWith(() => options.live.subscriberCount);
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema: schemaFor(options.kinds ?? BACKEND_KIND_REGISTRY),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // One operation per request: an array body is refused (400) rather than run as a batch.
    batching: false,
    // No file uploads in this schema: a multipart body is not parsed at all (415), one request parser less for every request.
    multipart: false,
    // useRequestBodyLimit enforces the limit without piping every body through a counting stream.
    maxRequestBodySize: false,
    // Never attach the original error (stack, upstream body) to a masked one, whatever NODE_ENV says.
    maskedErrors: { isDev: false },
    // Served by useGraphiQLPage (bundled, offline, under a CSP) instead of yoga's CDN page.
    graphiql: false,
    // useCors instead: yoga's own reflects any origin with credentials.
    cors: false,
    logging: {
      // yoga logs at debug on every request: build the line only when someone reads it.
      debug: (...args) => {
        if (options.logger.isLevelEnabled('debug')) options.logger.debug(args.map(String).join(' '));
      },
      info: (...args) => options.logger.info(args.map(String).join(' ')),
      warn: (...args) => options.logger.warn(args.map(String).join(' ')),
      error: (...args) => options.logger.error(args.map(String).join(' ')),
    },
    context: (initial) =>
      createContext(
        {
          backends: options.backends,
          live: options.live,
          scopesOf: (init) => scopesOfRequest(init.request) ?? new Set(),
          cursors,
        },
        initial,
      ),
    plugins: [
      useRequestScope(),
      useCors({ origins: config.cors?.origins }),
      ...(config.graphiql ? [useGraphiQLPage({ tabs: () => graphiqlTabs(options.examples) })] : []),
      useHealth({
        backends: (config.backends ?? []).map((b) => ({ name: b.name, kind: b.kind, baseUrl: b.baseUrl })),
        circuitOf: options.circuitOf,
        draining: options.draining,
      }),
      useRequestBodyLimit({ maxBytes: options.limits?.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES }),
      useCsrfPrevention(),
      useHttpErrorAnswers(),
      useApiKeys({ apiKeys: config.auth?.apiKeys, scopesOf: scopesOfRequest }),
      ...(config.trustedDocuments ? [useTrustedDocuments(config.trustedDocuments)] : []),
      useDisableIntrospection({ allowed: config.introspection }),
      useRequestLimits({ ...options.limits, blockFieldSuggestions: options.limits?.blockFieldSuggestions ?? !config.introspection }),
      usePartialErrors(),
      useInputErrorFields(),
      // These last, so that they see each result as the client will (partial errors appended).
      useRequestLog({ logger: options.logger, onGraphQLRequestEnd: metrics.recordEndedRequest }),
      useTracing(),
      useMetrics({ metrics }),
    ],
  }) as Gateway;
}
