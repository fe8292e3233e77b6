import { startSchemaTypeBackend } from './schema-type/index.js';
import type { ReferenceBackendOptions, ReferenceBackend } from './shared/reference-backend.js';
import { startTouchpointBackend } from './touchpoint/index.js';
import { startV2Backend } from './v2/index.js';
import { startWorkspaceBackend } from './workspace/index.js';

/** Options of {@link startAllReferenceBackends}. */
export interface StartAllOptions extends Omit<ReferenceBackendOptions, 'port'> {
  /** Ports for workspace, v2, schemaType and touchpoint; default all 0 (any free port). */
  ports?: [number, number, number, number];
  /** v2 delivery progress on a real timer, in ms; default off. */
  tickIntervalMs?: number;
  /** v2 starts a new broadcast whenever none is being delivered (the demo); default false. */
  keepBroadcasting?: boolean;
}

/** The four running reference backends. */
export interface ReferenceBackendSet {
  workspace: Awaited<ReturnType<typeof startWorkspaceBackend>>;
  v2: Awaited<ReturnType<typeof startV2Backend>>;
  schemaType: Awaited<ReturnType<typeof startSchemaTypeBackend>>;
  touchpoint: Awaited<ReturnType<typeof startTouchpointBackend>>;
  /** All four, in config order. */
  all: ReferenceBackend[];
  /** Backend entries of a gateway config (CONTRACT.md format) pointing at them. */
  configEntries(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts one seeded reference backend of each kind. */
export async function startAllReferenceBackends(options: StartAllOptions = {}): Promise<ReferenceBackendSet> {
  const [wp, vp, sp, tp] = options.ports ?? [0, 0, 0, 0];
  const { ports: _ports, tickIntervalMs, keepBroadcasting, ...shared } = options;
  const [workspace, v2, schemaType, touchpoint] = await Promise.all([
    startWorkspaceBackend({ ...shared, port: wp }),
    startV2Backend({ ...shared, port: vp, ...(tickIntervalMs ? { tickIntervalMs } : {}), ...(keepBroadcasting ? { keepBroadcasting } : {}) }),
    startSchemaTypeBackend({ ...shared, port: sp }),
    startTouchpointBackend({ ...shared, port: tp }),
  ]);
  const all: ReferenceBackend[] = [workspace, v2, schemaType, touchpoint];
  return {
    workspace,
    v2,
    schemaType,
    touchpoint,
    all,
    configEntries: () => [
      workspace.configEntry('growth'),
      v2.configEntry('broadcast'),
      schemaType.configEntry('contact-center'),
      touchpoint.configEntry('messaging'),
    ],
    close: async () => {
      await Promise.all(all.map((b) => b.close()));
    },
  };
}
