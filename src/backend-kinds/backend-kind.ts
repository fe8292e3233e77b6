import type { AdapterFactory } from '../adapters/seam/adapter-factory.js';
import type { ReferenceBackend, ReferenceBackendKind } from '../reference-backends/shared/reference-backend.js';

/**
 * Everything the gateway knows about one kind of backend: one registry entry.
 * The adapter factory carries the config `kind`, the GraphQL `BackendKind`
 * value, the kind's config schema and secret fields, and builds adapters; the
 * reference backend is the faithful server the demo, `npm run backends` and
 * the tests start for it.
 */
export interface BackendKindDefinition<Backend extends ReferenceBackend = ReferenceBackend> {
  adapter: AdapterFactory;
  reference: ReferenceBackendKind<Backend>;
}

/** The backend kinds a gateway speaks, in the order the demo and `npm run backends` start them. */
export type BackendKindRegistry = readonly BackendKindDefinition[];

/** The running reference backend a registry entry starts. */
export type ReferenceBackendOf<Definition extends BackendKindDefinition> = Awaited<ReturnType<Definition['reference']['start']>>;

/** The adapter factories of a registry, by config `kind`. */
export function adapterFactoriesOf(kinds: BackendKindRegistry): ReadonlyMap<string, AdapterFactory> {
  return new Map(kinds.map((definition) => [definition.adapter.kind, definition.adapter]));
}

/** The GraphQL `BackendKind` values of a registry, in its order. */
export function graphqlKindsOf(kinds: BackendKindRegistry): string[] {
  return kinds.map((definition) => definition.adapter.backendKind);
}

/** Every config field name that holds a secret in some kind (never logged, never shown). */
export function secretFieldsOf(kinds: BackendKindRegistry): string[] {
  return [...new Set(kinds.flatMap((definition) => definition.adapter.secretFields))];
}
