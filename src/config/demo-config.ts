import type { AdapterFactory } from '../adapters/adapter.js';
import { campaignGlobalId } from '../model/global-id.js';
import type { Clock } from '../reference-backends/shared/clock.js';
import { seedCampaigns as schemaTypeSeed } from '../reference-backends/schema-type/seed-data.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../reference-backends/start-all.js';
import type { ExampleData } from '../server/example-query.js';
import type { GatewayConfig } from './gateway-config.js';
import { parseConfig } from './load-config.js';

/** The demo: four seeded reference backends in-process, and a config that points at them over real HTTP. */
export interface DemoSetup {
  config: GatewayConfig;
  backends: ReferenceBackendSet;
  /** GraphiQL's ready-to-run examples: the live broadcast and a `createCampaign` per backend. */
  examples: ExampleData;
}

/** Options of {@link startDemo}. */
export interface DemoOptions {
  factories: readonly AdapterFactory[];
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

/** The backend names of the demo config (those of `configEntries`). */
const NAMES = { workspace: 'growth', v2: 'broadcast', schemaType: 'contact-center', touchpoint: 'messaging' } as const;

function examplesFor(backends: ReferenceBackendSet): ExampleData {
  const template = backends.v2.templates.find((t) => t.name === 'order_confirmation') ?? backends.v2.templates[0]!;
  const workflowId = schemaTypeSeed(backends.schemaType.credentials.tenantId)[0]!.workflowId;
  return {
    liveCampaignId: () => {
      const [id] = backends.v2.processingCampaignIds();
      return id === undefined ? undefined : campaignGlobalId({ backend: NAMES.v2, nativeId: String(id) });
    },
    createInputs: () => {
      // A time in the names keeps them apart when the examples are run again (names are unique per backend).
      const stamp = new Date().toISOString().slice(11, 19);
      return [
        { backend: NAMES.workspace, name: `Spring onboarding ${stamp}`, type: 'AUTOMATED', description: 'Welcome journey for new sign-ups' },
        {
          backend: NAMES.v2,
          name: `Order follow-up ${stamp}`,
          templateId: template.id,
          recipients: [
            { contactId: '+966500000101', params: ['Layla', 'ORD-20001'] },
            { contactId: '+966500000102', params: ['Omar', 'ORD-20002'] },
          ],
        },
        {
          backend: NAMES.schemaType,
          name: `Renewal reminders ${stamp}`,
          workflowId,
          channels: ['EMAIL'],
          senders: { emailFrom: 'renewals@example.com' },
        },
        { backend: NAMES.touchpoint, name: `Newsletter ${stamp}`, channels: ['EMAIL'] },
      ];
    },
  };
}

/**
 * Starts one reference backend of each kind on loopback ports, v2 delivery
 * moving by itself with a new broadcast whenever the last completes (so a
 * viewer always sees counts climb), and builds the config the gateway would
 * read from a file for them.
 */
export async function startDemo(options: DemoOptions): Promise<DemoSetup> {
  const tickIntervalMs = options.tickIntervalMs ?? 2000;
  const backends = await startAllReferenceBackends({
    host: '127.0.0.1',
    keepBroadcasting: true,
    ...(tickIntervalMs > 0 ? { tickIntervalMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const config = parseConfig(
    { port: options.port, host: options.host ?? '127.0.0.1', backends: backends.configEntries(), pollIntervalMs: options.pollIntervalMs ?? 2000 },
    { factories: options.factories, env: {}, production: options.production ?? false },
  );
  return { config, backends, examples: examplesFor(backends) };
}
