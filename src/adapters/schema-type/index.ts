import type { AdapterFactory } from '../seam/adapter-factory.js';
import { schemaTypeConfigSchema, type SchemaTypeConfig } from './config.js';
import { createSchemaTypeAdapter } from './schema-type-adapter.js';

export type { SchemaTypeConfig } from './config.js';
export { createSchemaTypeAdapter, SCHEMA_TYPE_CAPABILITIES, type SchemaTypeAdapterOptions } from './schema-type-adapter.js';

/** The factory of `schemaType` backends: the generic schema-type CRUD service of a contact-center platform. */
export const schemaTypeAdapter: AdapterFactory<SchemaTypeConfig> = {
  kind: 'schemaType',
  backendKind: 'SCHEMA_TYPE',
  configSchema: schemaTypeConfigSchema,
  secretFields: ['token'],
  create: (config, deps) => createSchemaTypeAdapter(config, deps),
};
