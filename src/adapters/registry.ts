import type { AdapterFactory } from './adapter.js';
import { schemaTypeAdapter } from './schema-type/index.js';
import { touchpointAdapter } from './touchpoint/index.js';
import { v2Adapter } from './v2/index.js';
import { workspaceAdapter } from './workspace/index.js';

/**
 * Every backend kind the gateway speaks, by config `kind`. Adding a kind is one
 * folder under `adapters/` and one line here; config validation, the schema and
 * the capability matrix follow from the factory.
 */
export const ADAPTER_FACTORIES: readonly AdapterFactory[] = [
  workspaceAdapter,
  v2Adapter,
  schemaTypeAdapter,
  touchpointAdapter,
] as unknown as readonly AdapterFactory[];
