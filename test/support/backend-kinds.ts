import type { BackendKindDefinition } from '../../src/backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY, type DefaultBackendKinds } from '../../src/backend-kinds/registry.js';
import type { ReferenceBackend } from '../../src/reference-backends/shared/reference-backend.js';
import type { ReferenceBackendsByKind } from '../../src/reference-backends/start-all.js';

/** A registered config kind (`workspace`, `v2`, …). */
export type KindName = keyof ReferenceBackendsByKind<DefaultBackendKinds>;

/** Every registered config kind, in registry order. */
export const KINDS = BACKEND_KIND_REGISTRY.map((definition) => definition.adapter.kind) as KindName[];

/** The name the demo and the test harnesses give the backend of each kind (`growth` for `workspace`). */
export const NAME_OF_KIND = Object.fromEntries(BACKEND_KIND_REGISTRY.map((d) => [d.adapter.kind, d.reference.demoName])) as Record<KindName, string>;

/** The registry entry of a config kind. */
export function definitionOfKind(kind: string): BackendKindDefinition {
  const definition = BACKEND_KIND_REGISTRY.find((d) => d.adapter.kind === kind);
  if (!definition) throw new Error(`no registered kind "${kind}"`);
  return definition;
}

/** The config fields that hold secrets in a kind's entries (its adapter's `secretFields`). */
export function secretFieldsOfKind(kind: string): readonly string[] {
  return definitionOfKind(kind).adapter.secretFields;
}

/** The secret credential values of a reference backend, by its kind's secret fields. */
export function secretsOf(backend: ReferenceBackend): string[] {
  return secretFieldsOfKind(backend.kind).map((field) => backend.credentials[field]!);
}
