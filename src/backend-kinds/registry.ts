import { schemaTypeAdapter } from '../adapters/schema-type/index.js';
import { touchpointAdapter } from '../adapters/touchpoint/index.js';
import { v2Adapter } from '../adapters/v2/index.js';
import { workspaceAdapter } from '../adapters/workspace/index.js';
import { schemaTypeReference } from '../reference-backends/schema-type/index.js';
import { touchpointReference } from '../reference-backends/touchpoint/index.js';
import { v2Reference } from '../reference-backends/v2/index.js';
import { workspaceReference } from '../reference-backends/workspace/index.js';
import type { BackendKindRegistry } from './backend-kind.js';

/**
 * Every backend kind the gateway speaks: the one list. Config validation, the
 * GraphQL `BackendKind` values, the reference backends of the demo and of
 * `npm run backends`, the log redaction list and the test helpers all derive
 * from it. Adding a kind is a folder under `adapters/`, one under
 * `reference-backends/`, and one line here.
 */
export const BACKEND_KIND_REGISTRY = [
  { adapter: workspaceAdapter, reference: workspaceReference },
  { adapter: v2Adapter, reference: v2Reference },
  { adapter: schemaTypeAdapter, reference: schemaTypeReference },
  { adapter: touchpointAdapter, reference: touchpointReference },
] as const satisfies BackendKindRegistry;

/** The type of {@link BACKEND_KIND_REGISTRY}, whose reference backends keep their own types. */
export type DefaultBackendKinds = typeof BACKEND_KIND_REGISTRY;
