import { pino, type Logger } from 'pino';
import { parseConfig } from '../../../src/config/load-config.js';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../../src/reference-backends/start-all.js';
import { startGatewayServer, type RunningGateway } from '../../../src/server/start-server.js';

/** Options of {@link startListeningGateway}. */
export interface ListeningGatewayOptions {
  /** Extra top-level config (auth, introspection…); backends come from the reference set. */
  config?: Record<string, unknown>;
  /** Changes each backend entry before validation (timeouts, retries). */
  backendEntry?: (entry: Record<string, unknown>) => Record<string, unknown>;
  /** Whether the process counts as production (GraphiQL and introspection default off); default false. */
  production?: boolean;
  /** Default: silent. */
  logger?: Logger;
}

/** A gateway listening on a loopback port in front of the four seeded reference backends. */
export interface ListeningGateway {
  url: string;
  /** `${url}/graphql` */
  endpoint: string;
  running: RunningGateway;
  references: ReferenceBackendSet;
  close(): Promise<void>;
}

export async function startListeningGateway(options: ListeningGatewayOptions = {}): Promise<ListeningGateway> {
  const references = await startAllReferenceBackends({ clock: new ManualClock(Date.UTC(2026, 10, 23, 12)) });
  const entries = references.configEntries().map((e) => (options.backendEntry ? options.backendEntry(e) : e));
  const config = parseConfig(
    { port: 0, backends: entries, pollIntervalMs: 100, ...options.config },
    { env: {}, production: options.production ?? false },
  );
  const running = await startGatewayServer({ config, logger: options.logger ?? pino({ level: 'silent' }), host: '127.0.0.1' });
  return {
    url: running.url,
    endpoint: `${running.url}/graphql`,
    running,
    references,
    async close() {
      await running.close();
      await references.close();
    },
  };
}

/** POSTs one GraphQL request as JSON and answers the status and parsed body. */
export async function postGraphQL(
  endpoint: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}
