import type { BackendAdapter } from '../seam/backend-adapter.js';
import type { AdapterDeps, AdapterFactory } from '../seam/adapter-factory.js';
import { getCampaigns, listCampaigns } from './campaign-reads.js';
import { createCampaign, deleteCampaign, updateCampaign } from './campaign-writes.js';
import { connectSchemaType, type SchemaTypeApiOptions } from './client.js';
import { SCHEMA_TYPE_SECRET_FIELDS, schemaTypeConfigSchema, type SchemaTypeConfig } from './config.js';

export type { SchemaTypeConfig } from './config.js';

/** Tuning of {@link createSchemaTypeAdapter} that is not part of the config file. */
export type SchemaTypeAdapterOptions = SchemaTypeApiOptions;

/**
 * The adapter of one schema-type CRUD service (schema-type.md): campaigns are
 * its object type `campaign`, searched with the filters it can express pushed
 * down, written and soft-deleted; it has no touchpoints, enrollments or counters.
 */
export function createSchemaTypeAdapter(config: SchemaTypeConfig, deps: AdapterDeps, options: SchemaTypeAdapterOptions = {}): BackendAdapter {
  const api = connectSchemaType(config, deps, options);
  return {
    name: config.name,
    kind: 'SCHEMA_TYPE',
    listCampaigns: (query, ctx) => listCampaigns(api, query, ctx),
    getCampaigns: (ids, ctx) => getCampaigns(api, ids, ctx),
    close: () => api.http.close(),
    campaignCreate: { create: (input, ctx) => createCampaign(api, input, ctx) },
    campaignUpdate: { update: (id, input, ctx) => updateCampaign(api, id, input, ctx) },
    campaignDelete: { delete: (id, ctx) => deleteCampaign(api, id, ctx) },
    // The search's `q` and sort carry the name filter and the order.
    behaviours: { pushedDownSearch: true },
  };
}

/** The `schemaType` backend kind: the generic schema-type CRUD service of a contact-center platform. */
export const schemaTypeAdapter: AdapterFactory<SchemaTypeConfig> = {
  kind: 'schemaType',
  backendKind: 'SCHEMA_TYPE',
  configSchema: schemaTypeConfigSchema,
  secretFields: SCHEMA_TYPE_SECRET_FIELDS,
  create: (config, deps) => createSchemaTypeAdapter(config, deps),
};
