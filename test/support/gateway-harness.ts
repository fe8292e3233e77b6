import { pino } from 'pino';
import type { ExecutionResult } from 'graphql';
import { createPubSub } from 'graphql-yoga';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { parseConfig } from '../../src/config/load-config.js';
import type { GatewayConfig } from '../../src/config/gateway-config.js';
import { BackendSet } from '../../src/gateway/backend-set.js';
import { DeliveryStatsHub, type LiveTopics } from '../../src/live/delivery-stats-hub.js';
import { createGateway, type Gateway } from '../../src/server/create-gateway.js';
import { ManualClock } from '../../src/reference-backends/shared/clock.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../src/reference-backends/start-all.js';

/** Options of {@link startGatewayHarness}. */
export interface HarnessOptions {
  /** Extra top-level config (auth, timeouts…); backends come from the reference set. */
  config?: Record<string, unknown>;
  /** Changes each backend entry before validation (per-backend timeouts, retries). */
  backendEntry?: (entry: Record<string, unknown>) => Record<string, unknown>;
  /** Clock of the reference backends; default a ManualClock at 2026-11-23. */
  clock?: ManualClock;
}

/** A gateway (no socket) in front of a seeded reference backend of each registered kind, over real HTTP. */
export interface GatewayHarness {
  gateway: Gateway;
  backends: ReferenceBackendSet;
  adapters: BackendSet;
  hub: DeliveryStatsHub;
  config: GatewayConfig;
  clock: ManualClock;
  /** Runs an operation over HTTP POST and answers the JSON result. */
  execute<TData = Record<string, unknown>, TVars = Record<string, unknown>>(
    document: string | TypedDocumentNode<TData, TVars>,
    variables?: TVars,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<TData> & { status: number }>;
  /** Every request the reference backends received, each with its backend's name in the config. */
  upstreamRequests(): { backend: string; method: string; path: string; query: Record<string, string> }[];
  clearUpstreamRequests(): void;
  close(): Promise<void>;
}

export async function startGatewayHarness(options: HarnessOptions = {}): Promise<GatewayHarness> {
  const clock = options.clock ?? new ManualClock(Date.UTC(2026, 10, 23, 12));
  const backends = await startAllReferenceBackends({ clock });
  const entries = backends.configEntries().map((e) => (options.backendEntry ? options.backendEntry(e) : e));
  const config = parseConfig({ port: 0, backends: entries, pollIntervalMs: 200, ...options.config }, { env: {} });
  const logger = pino({ level: 'silent' });
  const adapters = BackendSet.fromConfig(config.backends, { logger });
  const hub = new DeliveryStatsHub({ backends: adapters, pubsub: createPubSub<LiveTopics>(), pollIntervalMs: config.pollIntervalMs });
  const gateway = createGateway({ backends: adapters, live: hub, config, logger });

  return {
    gateway,
    backends,
    adapters,
    hub,
    config,
    clock,
    async execute(document, variables, headers = {}) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { ...((await response.json()) as ExecutionResult<never>), status: response.status };
    },
    upstreamRequests: () =>
      backends.all.flatMap((b) => b.requests.list().map((r) => ({ backend: backends.nameOf(b.kind), method: r.method, path: r.path, query: r.query }))),
    clearUpstreamRequests: () => backends.all.forEach((b) => b.requests.clear()),
    async close() {
      await hub.close();
      await adapters.close();
      await backends.close();
    },
  };
}
