import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { BackendSet } from '../gateway/backend-set.js';
import type { DeliveryStatsHub } from '../live/delivery-stats-hub.js';
import { schema } from '../schema/index.js';
import { createContext, type GatewayContext } from './context.js';
import { EXAMPLE_QUERY } from './example-query.js';
import { createKeyResolver, presentedKey, useApiKeys } from './plugins/use-api-keys.js';
import { usePartialErrors } from './plugins/use-partial-errors.js';

/** What {@link createGateway} needs. */
export interface GatewayOptions {
  backends: BackendSet;
  live: DeliveryStatsHub;
  config: Pick<GatewayConfig, 'auth' | 'graphiql' | 'introspection'>;
  logger: Logger;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/**
 * Builds the GraphQL gateway (no socket): schema, per-request context and the
 * plugins. `main.ts` listens; tests call `gateway.fetch(...)` directly.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const scopesOfKey = createKeyResolver(options.config.auth?.apiKeys);
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    graphiql: options.config.graphiql ? { title: 'campaign-gateway', defaultQuery: EXAMPLE_QUERY } : false,
    logging: {
      debug: (...args) => options.logger.debug(args.map(String).join(' ')),
      info: (...args) => options.logger.info(args.map(String).join(' ')),
      warn: (...args) => options.logger.warn(args.map(String).join(' ')),
      error: (...args) => options.logger.error(args.map(String).join(' ')),
    },
    context: (initial) =>
      createContext(
        {
          backends: options.backends,
          live: options.live,
          scopesOf: (init) => scopesOfKey(presentedKey(init.request.headers)) ?? new Set(),
        },
        initial,
      ),
    plugins: [useApiKeys({ apiKeys: options.config.auth?.apiKeys }), usePartialErrors()],
  }) as Gateway;
}
