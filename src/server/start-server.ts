import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AdapterDeps } from '../adapters/seam/adapter-factory.js';
import type { BackendKindRegistry } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY } from '../backend-kinds/registry.js';
import type { BackendHttpClient } from '../adapters/http/backend-client.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { BackendSet } from '../gateway/backend-set.js';
import { createLiveBackplane } from '../live/create-live-backplane.js';
import { DeliveryStatsHub } from '../live/delivery-stats-hub.js';
import { createGateway, type Gateway } from './create-gateway.js';
import type { ExampleData } from './example-query.js';
import { listen } from './listen.js';
import { createKeyResolver } from './plugins/use-api-keys.js';
import { GatewayMetrics } from './plugins/use-metrics.js';
import { attachWebSocket } from './websocket.js';
import { drainServer, type DrainOptions } from './drain-server.js';
import { httpServerOptions, type HttpServerLimits } from './http-server-options.js';

/** Options of {@link startGatewayServer}. */
export interface StartServerOptions {
  config: GatewayConfig;
  /** The backend kinds the config's entries may be of; default every registered kind. */
  kinds?: BackendKindRegistry;
  logger: Logger;
  /** Interface to bind; default `config.host`. */
  host?: string;
  /** How long clients may take to send a request; see {@link HttpServerLimits}. */
  http?: HttpServerLimits;
  /** How in-flight requests end at `close()`; see {@link DrainOptions}. */
  drain?: DrainOptions;
  /** What makes GraphiQL's example tabs ready to run (the demo's ids). */
  examples?: ExampleData;
}

/** A listening gateway. */
export interface RunningGateway {
  /** `http://host:port` */
  url: string;
  gateway: Gateway;
  backends: BackendSet;
  live: DeliveryStatsHub;
  server: Server;
  /** The gateway's Prometheus metrics (also served at `/metrics`). */
  metrics: GatewayMetrics;
  /** Stops accepting, finishes in-flight requests, closes subscriptions, pollers and pools. */
  close(): Promise<void>;
}

/** Builds every part from a validated config and listens on `config.port`. */
export async function startGatewayServer(options: StartServerOptions): Promise<RunningGateway> {
  const { config, logger, kinds = BACKEND_KIND_REGISTRY } = options;
  const metrics = new GatewayMetrics();
  const httpClients = new Map<string, BackendHttpClient>();
  // With redisUrl: workflow edits of one campaign are serialized across replicas (in-process otherwise).
  // The Redis client is loaded only when Redis is configured (it is a good part of the process's memory).
  const editLock = config.redisUrl
    ? (await import('../gateway/redis-edit-lock.js')).openRedisEditLock({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, logger })
    : undefined;
  const deps: AdapterDeps = {
    logger,
    onUpstreamAttempt: metrics.observeUpstreamAttempt,
    onHttpClient: (client) => httpClients.set(client.backend, client),
    editLock: editLock?.lock,
  };
  const backends = BackendSet.fromConfig(config.backends, deps, kinds);
  metrics.readCircuitsWith(() => [...httpClients.values()].map((c) => ({ backend: c.backend, open: c.circuitState === 'open' })));
  let draining = false;
  // With redisUrl: events, poll leases and the newest readings in Redis, so replicas share subscriptions.
  const live = await createLiveBackplane({
    redisUrl: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    pollIntervalMs: config.pollIntervalMs,
    leaseTtlMs: config.leaseTtlMs,
    logger,
  });
  await editLock?.ready;
  const hub = new DeliveryStatsHub({ backends, bus: live.bus, lease: live.lease, latest: live.latest, pollIntervalMs: config.pollIntervalMs });
  const gateway = createGateway({
    backends,
    live: hub,
    config,
    logger,
    kinds,
    metrics,
    circuitOf: (name) => httpClients.get(name)?.circuitState,
    draining: () => draining,
    examples: options.examples,
  });

  const server = createServer(httpServerOptions(options.http), gateway);
  try {
    await listen(server, config.port, options.host ?? config.host);
  } catch (error) {
    // Nothing serves: release what was opened for it (pools, Redis), then report.
    await Promise.allSettled([hub.close(), gateway.dispose(), backends.close(), live.close(), editLock?.close()]);
    throw error;
  }
  // Attached once listening, so a failed listen is not re-thrown by the WebSocket server as an unhandled error.
  const ws = attachWebSocket(server, gateway, {
    authRequired: Boolean(config.auth),
    resolveKey: createKeyResolver(config.auth?.apiKeys),
  });
  ws.wss.on('error', (error) => logger.error({ err: error }, 'WebSocket server error'));
  const address = server.address() as AddressInfo;
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;

  return {
    url: `http://${host}:${address.port}`,
    gateway,
    backends,
    live: hub,
    server,
    metrics,
    async close() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await ws.close();
      await hub.close();
      await gateway.dispose();
      await drainServer(server, closed, { ...options.drain, cutUpstreamCalls: () => {
          for (const client of httpClients.values()) client.cutCalls();
        } });
      await backends.close();
      await live.close();
      await editLock?.close();
    },
  };
}
