import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { parseConfig } from '../../../src/config/load-config.js';
import { BackendSet } from '../../../src/gateway/backend-set.js';
import { campaignGlobalId } from '../../../src/model/global-id.js';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../../src/reference-backends/start-all.js';
import { startGatewayServer, type RunningGateway } from '../../../src/server/start-server.js';
import { NAME_OF_KIND } from '../../support/backend-kinds.js';

/** The reference backends' names in the config of {@link startLiveGateway}. */
export const V2 = NAME_OF_KIND.v2;
export const WORKSPACE = NAME_OF_KIND.workspace;

/** A seeded v2 campaign that is still delivering (12 messages: delivered, sent, failed, pending). */
export const DELIVERING_V2_CAMPAIGN = campaignGlobalId({ backend: V2, nativeId: '388' });

/** Starts a seeded reference backend of each registered kind on a ManualClock. */
export function startBackends(): Promise<ReferenceBackendSet> {
  return startAllReferenceBackends({ clock: new ManualClock(Date.UTC(2026, 10, 23, 12)) });
}

/** Options of {@link startLiveGateway}. */
export interface LiveGatewayOptions {
  backends: ReferenceBackendSet;
  pollIntervalMs: number;
  /** More top-level config (redisUrl, leaseTtlMs, redisKeyPrefix…). */
  config?: Record<string, unknown>;
  /** Changes each backend entry (retries, timeouts). */
  backendEntry?: (entry: Record<string, unknown>) => Record<string, unknown>;
}

/** A listening gateway on port 0, configured through `parseConfig` like a real config file. */
export async function startLiveGateway(options: LiveGatewayOptions): Promise<RunningGateway> {
  const entries = options.backends.configEntries().map((e) => (options.backendEntry ? options.backendEntry(e) : e));
  const config = parseConfig(
    { port: 0, backends: entries, pollIntervalMs: options.pollIntervalMs, ...options.config },
    { env: {} },
  );
  return startGatewayServer({ config, logger: pino({ level: 'silent' }), host: '127.0.0.1' });
}

/** A Redis key prefix no other test run uses. */
export function uniqueRedisPrefix(): string {
  return `campaign-gateway-test:${randomUUID().slice(0, 8)}:`;
}

/** Requests for the v2 campaign list (what every v2 counter read costs). */
export function v2Reads(backends: ReferenceBackendSet): number {
  return backends.v2.requests.count({ method: 'GET', path: '/v2/campaign/getAll' });
}

/** Runs one GraphQL operation over HTTP against a listening gateway. */
export async function execute(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: any[] }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

/** The adapters of a gateway (no server) in front of `backends`, for tests that drive the hub directly. */
export function createAdapters(backends: ReferenceBackendSet, entry?: (e: Record<string, unknown>) => Record<string, unknown>): BackendSet {
  const config = parseConfig(
    { port: 0, backends: backends.configEntries().map((e) => (entry ? entry(e) : e)) },
    { env: {} },
  );
  return BackendSet.fromConfig(config.backends, { logger: pino({ level: 'silent' }) });
}

/** Reads every value a hub stream yields into `into` until the stream ends. */
export function drain<T>(stream: AsyncIterator<T>, into: T[]): Promise<void> {
  return (async () => {
    for (;;) {
      const { value, done } = await stream.next();
      if (done) return;
      into.push(value);
    }
  })();
}

/**
 * Creates a v2 campaign that sends at once to `recipients` contacts, so that
 * delivery moves on many `advance()` ticks (the seeded ones finish in two).
 * Answers its global id.
 */
export async function createDeliveringV2Campaign(baseUrl: string, backends: ReferenceBackendSet, recipients = 60): Promise<string> {
  const template = backends.v2.templates.find((t) => t.name === 'order_confirmation')!;
  const result = await execute(baseUrl, 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', {
    input: {
      backend: V2,
      name: `Live counters ${randomUUID().slice(0, 8)}`,
      templateId: template.id,
      recipients: Array.from({ length: recipients }, (_, i) => ({ contactId: `+9665${String(10_000_000 + i)}`, params: [`Guest ${i}`, `A-${i}`] })),
    },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createCampaign.id as string;
}
