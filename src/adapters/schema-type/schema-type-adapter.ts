import type { AdapterDeps } from '../seam/adapter-factory.js';
import type { BackendAdapter } from '../seam/backend-adapter.js';
import type { CallContext } from '../http/call-context.js';
import type { CreateCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import { clientForBackend } from '../http/client-for-backend.js';
import type { Capability } from '../../model/enums.js';
import { nothingToChange, notFound } from '../../model/errors.js';
import type { Campaign } from '../../model/unified.js';
import * as api from './client.js';
import type { SchemaTypeConfig } from './config.js';
import { listSchemaTypeCampaigns } from './list-campaigns.js';
import { toCampaign } from './to-unified.js';
import { toCreateData, toUpdateData } from './to-wire.js';

/** What a schema-type backend can do besides reading campaigns. */
export const SCHEMA_TYPE_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'CAMPAIGN_CREATE',
  'CAMPAIGN_UPDATE',
  'CAMPAIGN_DELETE',
  'SEARCH',
]);

/** Tuning that is not part of the config file. */
export interface SchemaTypeAdapterOptions {
  /** Rows per search request; default (and at most) 100. */
  pageRows?: number;
}

/**
 * An adapter for one schema-type CRUD service (schema-type.md): campaigns are
 * its object type `campaign`, authenticated by bearer token and tenant header.
 */
export function createSchemaTypeAdapter(
  config: SchemaTypeConfig,
  deps: AdapterDeps,
  options: SchemaTypeAdapterOptions = {},
): BackendAdapter {
  const backend = config.name;
  const http = clientForBackend(config, deps, { authorization: `Bearer ${config.token}`, 'x-tenant-id': config.tenantId });

  const readCampaign = async (id: string, ctx: CallContext): Promise<Campaign | null | Error> => {
    try {
      const record = await api.retrieveCampaign(http, id, ctx);
      return record && toCampaign(record, backend);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  const requireId = (nativeId: string) => {
    if (nativeId === '') throw notFound(`campaign "${nativeId}"`, backend);
  };

  return {
    name: backend,
    kind: 'SCHEMA_TYPE',
    capabilities: SCHEMA_TYPE_CAPABILITIES,

    listCampaigns: (query, ctx) => listSchemaTypeCampaigns(query, ctx, { http, pageRows: options.pageRows }),

    async getCampaigns(nativeIds, ctx) {
      const unique = new Map<string, Promise<Campaign | null | Error>>();
      for (const id of nativeIds) if (!unique.has(id)) unique.set(id, readCampaign(id, ctx));
      return Promise.all(nativeIds.map((id) => unique.get(id)!));
    },

    async createCampaign(input: CreateCampaignInput, ctx) {
      const data = toCreateData(input, backend);
      return toCampaign(await api.createCampaign(http, data, ctx), backend);
    },

    async updateCampaign(nativeId: string, input: UpdateCampaignInput, ctx) {
      const data = toUpdateData(input, backend);
      requireId(nativeId);
      if (Object.keys(data).length === 0) throw nothingToChange(backend);
      return toCampaign(await api.updateCampaign(http, nativeId, data, ctx), backend);
    },

    async deleteCampaign(nativeId: string, ctx) {
      requireId(nativeId);
      await api.deleteCampaign(http, nativeId, ctx);
    },

    close: () => http.close(),
  };
}
