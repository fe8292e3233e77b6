import type { BackendKindDefinition } from '../../../src/backend-kinds/backend-kind.js';
import { touchpointAdapter } from '../../../src/adapters/touchpoint/index.js';
import type { ReferenceBackend } from '../../../src/reference-backends/shared/reference-backend.js';
import { startTouchpointBackend } from '../../../src/reference-backends/touchpoint/index.js';

/** A reference backend of {@link ANOTHER_KIND}: a touchpoint server that says it is of kind `another`. */
export type AnotherReferenceBackend = ReferenceBackend<{ token: string }, 'another'>;

/**
 * A kind the gateway does not ship, registered the way a real one is: the
 * touchpoint wire contract under the config kind `another` and the GraphQL
 * kind `ANOTHER`, with the touchpoint adapter and reference server doing the
 * work. Enough to see what a registry entry reaches; a kind of its own with
 * its own wire format is a bigger test.
 */
export const ANOTHER_KIND: BackendKindDefinition<AnotherReferenceBackend> = {
  adapter: {
    ...touchpointAdapter,
    kind: 'another',
    backendKind: 'ANOTHER',
    create: (config, deps) => ({ ...touchpointAdapter.create(config as Parameters<typeof touchpointAdapter.create>[0], deps), kind: 'ANOTHER' }),
  },
  reference: {
    demoName: 'elsewhere',
    start: async (options) => {
      const backend = await startTouchpointBackend(options);
      return { ...backend, kind: 'another', configEntry: (name) => ({ ...backend.configEntry(name), kind: 'another' }) };
    },
  },
};
