import { systemClock } from '../shared/clock.js';
import { FaultSwitches } from '../shared/faults.js';
import { startJsonServer } from '../shared/json-server.js';
import type { ReferenceBackend, ReferenceBackendKind, ReferenceBackendOptions } from '../shared/reference-backend.js';
import { RequestHold } from '../shared/request-hold.js';
import { RequestLog } from '../shared/request-log.js';
import { createAuthenticator, UNAUTHORIZED, type Scope } from './auth.js';
import { CampaignStore } from './object-store.js';
import { NOT_FOUND, schemaTypeRoutes } from './routes.js';
import { seedCampaigns } from './seed-data.js';

export type { Scope } from './auth.js';
export type { SchemaTypeCampaign } from './campaign.js';

/** Options of {@link startSchemaTypeBackend}. */
export interface SchemaTypeBackendOptions extends ReferenceBackendOptions {
  /** The tenant this backend serves (`X-Tenant-Id`); default `t_abcde`. */
  tenantId?: string;
  /** The bearer token of the config entry, carrying `campaigns:admin`; default `st-demo-token`. */
  token?: string;
  /** Further tokens with their scopes, for tests of scope checks; default none. */
  tokens?: Record<string, Scope[]>;
}

/** The credentials a gateway config entry of kind `schemaType` carries. */
export interface SchemaTypeCredentials extends Record<string, string> {
  tenantId: string;
  token: string;
}

/** A running schema-type reference backend. */
export type SchemaTypeReferenceBackend = ReferenceBackend<SchemaTypeCredentials, 'schemaType'>;

/**
 * Starts the reference backend of the `schemaType` kind: the generic schema-type
 * CRUD service of /work/shared/backends/schema-type.md, serving campaigns of one tenant.
 */
export async function startSchemaTypeBackend(options: SchemaTypeBackendOptions = {}): Promise<SchemaTypeReferenceBackend> {
  const tenantId = options.tenantId ?? 't_abcde';
  const token = options.token ?? 'st-demo-token';
  const faults = new FaultSwitches();
  const requests = new RequestLog();
  const hold = new RequestHold();
  const store = new CampaignStore(options.seed === false ? [] : seedCampaigns(tenantId));

  const server = await startJsonServer({
    port: options.port,
    host: options.host,
    routes: schemaTypeRoutes({ store, clock: options.clock ?? systemClock, tenantId }),
    authenticate: createAuthenticator({ tenantId, tokens: { ...options.tokens, [token]: ['campaigns:admin'] } }),
    notFound: NOT_FOUND,
    unauthorized: UNAUTHORIZED,
    faults,
    requests,
    hold,
  });

  const credentials = { tenantId, token };
  return {
    kind: 'schemaType',
    url: server.url,
    credentials,
    faults,
    requests,
    hold,
    configEntry: (name) => ({ name, kind: 'schemaType', baseUrl: server.url, ...credentials }),
    close: () => server.close(),
  };
}

/** The `schemaType` kind's reference backend in the registry: `contact-center` in the demo. */
export const schemaTypeReference: ReferenceBackendKind<SchemaTypeReferenceBackend> = {
  demoName: 'contact-center',
  start: (options) => startSchemaTypeBackend(options),
  exampleCreateInput: (backend, stamp) => ({
    name: `Renewal reminders ${stamp}`,
    workflowId: seedCampaigns(backend.credentials.tenantId)[0]!.workflowId,
    channels: ['EMAIL'],
    senders: { emailFrom: 'renewals@example.com' },
  }),
};
