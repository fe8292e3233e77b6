import type { BackendKindRegistry } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY, type DefaultBackendKinds } from '../backend-kinds/registry.js';
import { campaignGlobalId } from '../model/global-id.js';
import type { Clock } from '../reference-backends/shared/clock.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../reference-backends/start-all.js';
import type { ExampleData } from '../server/example-query.js';
import type { GatewayConfig } from './gateway-config.js';
import { parseConfig } from './load-config.js';

/** The demo: a seeded reference backend of each kind in-process, and a config that points at them over real HTTP. */
export interface DemoSetup<Kinds extends BackendKindRegistry = DefaultBackendKinds> {
  config: GatewayConfig;
  backends: ReferenceBackendSet<Kinds>;
  /** GraphiQL's ready-to-run examples: the live broadcast and a `createCampaign` per backend. */
  examples: ExampleData;
}

/** Options of {@link startDemo}. */
export interface DemoOptions<Kinds extends BackendKindRegistry = DefaultBackendKinds> {
  /** The backend kinds, one reference backend of each; default every registered kind. */
  kinds?: Kinds;
  /** The gateway's port. */
  port: number;
  /** The gateway's listening address; default `127.0.0.1` (the demo is open: no key). */
  host?: string;
  /** Under NODE_ENV=production GraphiQL and introspection are off, as for a config file; default false. */
  production?: boolean;
  /** How often v2 delivery moves on by itself; default 2000 ms, 0 for never (tests move it with `advance`). */
  tickIntervalMs?: number;
  /** Source of "now" for the reference backends; default the system clock. */
  clock?: Clock;
  /** How often the gateway polls delivery counters for subscribers; default 2000 ms. */
  pollIntervalMs?: number;
}

/** The examples each kind's reference backend offers, under the names the demo config gives them. */
function examplesFor(kinds: BackendKindRegistry, backends: ReferenceBackendSet<BackendKindRegistry>): ExampleData {
  const entries = kinds.map((definition) => ({
    reference: definition.reference,
    backend: backends.of(definition.adapter.kind),
    name: definition.reference.demoName,
  }));
  return {
    liveCampaignId: () => {
      for (const { reference, backend, name } of entries) {
        const nativeId = reference.liveCampaignId?.(backend);
        if (nativeId !== undefined) return campaignGlobalId({ backend: name, nativeId });
      }
      return undefined;
    },
    createInputs: () => {
      // A time in the names keeps them apart when the examples are run again (names are unique per backend).
      const stamp = new Date().toISOString().slice(11, 19);
      return entries.flatMap(({ reference, backend, name }) =>
        reference.exampleCreateInput ? [{ backend: name, ...reference.exampleCreateInput(backend, stamp) }] : [],
      );
    },
  };
}

/**
 * Starts one reference backend of each kind on loopback ports, their data
 * moving by itself (v2 delivers on a timer, with a new broadcast whenever the
 * last completes, so a viewer always sees counts climb), and builds the config
 * the gateway would read from a file for them.
 */
export async function startDemo<Kinds extends BackendKindRegistry = DefaultBackendKinds>(options: DemoOptions<Kinds>): Promise<DemoSetup<Kinds>> {
  const kinds = options.kinds ?? (BACKEND_KIND_REGISTRY as unknown as Kinds);
  const tickIntervalMs = options.tickIntervalMs ?? 2000;
  const backends = await startAllReferenceBackends({
    kinds,
    host: '127.0.0.1',
    live: tickIntervalMs > 0 ? { tickIntervalMs } : {},
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const config = parseConfig(
    { port: options.port, host: options.host ?? '127.0.0.1', backends: backends.configEntries(), pollIntervalMs: options.pollIntervalMs ?? 2000 },
    { kinds, env: {}, production: options.production ?? false },
  );
  return { config, backends, examples: examplesFor(kinds, backends as ReferenceBackendSet<BackendKindRegistry>) };
}
