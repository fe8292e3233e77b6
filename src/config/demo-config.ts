import type { AdapterFactory } from '../adapters/adapter.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../reference-backends/start-all.js';
import type { GatewayConfig } from './gateway-config.js';
import { parseConfig } from './load-config.js';

/** The demo: four seeded reference backends in-process, and a config that points at them over real HTTP. */
export interface DemoSetup {
  config: GatewayConfig;
  backends: ReferenceBackendSet;
}

/**
 * Starts one reference backend of each kind on loopback ports (v2 delivery
 * moving on a real timer so a viewer sees counts climb) and builds the config
 * the gateway would read from a file for them.
 */
export async function startDemo(factories: readonly AdapterFactory[], port: number): Promise<DemoSetup> {
  const backends = await startAllReferenceBackends({ host: '127.0.0.1', tickIntervalMs: 2000 });
  const config = parseConfig({ port, backends: backends.configEntries(), pollIntervalMs: 2000 }, { factories, env: {} });
  return { config, backends };
}
