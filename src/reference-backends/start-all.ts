import type { BackendKindRegistry, ReferenceBackendOf } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY, type DefaultBackendKinds } from '../backend-kinds/registry.js';
import type { ReferenceBackend, ReferenceStartOptions } from './shared/reference-backend.js';

/** Options of {@link startAllReferenceBackends}. */
export interface StartAllOptions<Kinds extends BackendKindRegistry = DefaultBackendKinds> extends Omit<ReferenceStartOptions, 'port'> {
  /** The kinds to start, one backend of each; default every registered kind. */
  kinds?: Kinds;
  /** The i-th kind of `kinds` listens on `basePort + i`; default any free port for each. */
  basePort?: number;
}

/** A config kind as a property name, only where the type knows it (`v2`, not any string). */
type KnownKind<Kind extends string> = string extends Kind ? never : Kind;

/** The running backends by config kind (`backends.v2`), each with its own type. */
export type ReferenceBackendsByKind<Kinds extends BackendKindRegistry> = {
  readonly [Definition in Kinds[number] as KnownKind<ReferenceBackendOf<Definition>['kind']>]: ReferenceBackendOf<Definition>;
};

/** One running reference backend of each kind of a registry. */
export type ReferenceBackendSet<Kinds extends BackendKindRegistry = DefaultBackendKinds> = ReferenceBackendsByKind<Kinds> & {
  /** All of them, in registry order. */
  all: ReferenceBackend[];
  /** The backend of a config kind (`workspace`). */
  of(kind: string): ReferenceBackend;
  /** The name the demo config gives the backend of a config kind (its kind's `demoName`). */
  nameOf(kind: string): string;
  /** Backend entries of a gateway config (CONTRACT.md format) pointing at them, named by `demoName`, in registry order. */
  configEntries(): Record<string, unknown>[];
  close(): Promise<void>;
};

/**
 * Starts one seeded reference backend of each registered kind (or of each of
 * `options.kinds`), on ports `basePort`, `basePort + 1`, … when given.
 */
export async function startAllReferenceBackends<Kinds extends BackendKindRegistry = DefaultBackendKinds>(
  options: StartAllOptions<Kinds> = {},
): Promise<ReferenceBackendSet<Kinds>> {
  const { kinds = BACKEND_KIND_REGISTRY as unknown as Kinds, basePort, ...shared } = options;
  const started = await Promise.allSettled(
    kinds.map((definition, i) => definition.reference.start({ ...shared, port: basePort === undefined ? 0 : basePort + i })),
  );
  const all = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  const mismatch = kinds.find((definition, i) => all.length === kinds.length && all[i]!.kind !== definition.adapter.kind);
  if (failed || mismatch) {
    await Promise.all(all.map((backend) => backend.close()));
    if (failed) throw failed.reason;
    throw new Error(`the reference backend of kind "${mismatch!.adapter.kind}" says it is of kind "${all[kinds.indexOf(mismatch!)]!.kind}"`);
  }
  const byKind = new Map(all.map((backend) => [backend.kind, backend]));
  const names = new Map(kinds.map((definition) => [definition.adapter.kind, definition.reference.demoName]));
  const known = <T>(map: ReadonlyMap<string, T>, kind: string): T => {
    const found = map.get(kind);
    if (found === undefined) throw new Error(`no reference backend of kind "${kind}" (started: ${[...map.keys()].join(', ')})`);
    return found;
  };
  return {
    ...Object.fromEntries(byKind),
    all,
    of: (kind: string) => known(byKind, kind),
    nameOf: (kind: string) => known(names, kind),
    configEntries: () => all.map((backend) => backend.configEntry(known(names, backend.kind))),
    close: async () => {
      await Promise.all(all.map((backend) => backend.close()));
    },
  } as ReferenceBackendSet<Kinds>;
}
