import { pino } from 'pino';
import { startFakeJsonBackend, type FakeAnswer, type FakeRequest } from '../../support/fake-json-backend.js';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { createSchemaTypeAdapter, type SchemaTypeAdapterOptions, type SchemaTypeConfig } from '../../../src/adapters/schema-type/index.js';

/** Where the service keeps campaigns. */
export const CAMPAIGNS = '/api/v1/schema-types/campaign';

/** The configured backend name every test adapter uses. */
export const BACKEND = 'contact-center';

/** A schema-type adapter for a service at `baseUrl`, with short timeouts for tests. */
export function adapterFor(
  service: { url: string; credentials?: { tenantId: string; token: string } },
  overrides: Partial<SchemaTypeConfig> = {},
  options: SchemaTypeAdapterOptions = {},
): BackendAdapter {
  const config: SchemaTypeConfig = {
    name: BACKEND,
    kind: 'schemaType',
    baseUrl: service.url,
    tenantId: service.credentials?.tenantId ?? 't_abcde',
    token: service.credentials?.token ?? 'st-demo-token',
    timeoutMs: 2000,
    retries: 1,
    maxConnections: 4,
    ...overrides,
  };
  return createSchemaTypeAdapter(config, { logger: pino({ level: 'silent' }) }, options);
}

/** A request the fake service received. */
export type SeenRequest = FakeRequest;

/** A tiny service on port 0 that answers whatever a test tells it to. */
export interface FakeService {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a {@link FakeService}; `answer` gives status and JSON body per request. */
export async function startFakeService(answer: (request: SeenRequest) => FakeAnswer): Promise<FakeService> {
  const backend = await startFakeJsonBackend(answer);
  return { url: backend.url, seen: backend.requests, close: backend.close };
}

/** A valid campaign object as the service writes it, with overrides. */
export function wireRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: '65f1c0ffee0000000000aa01',
    campaignId: 'cmp_fixture',
    name: 'Fixture Campaign',
    description: 'A campaign for tests.',
    type: 'DEFAULT',
    workflowId: 'wf_fixture',
    createdAt: 1672531200000,
    modifiedAt: 1678886400000,
    deletedAt: 0,
    useForEmail: true,
    emailFromAddress: 'fixture@example.com',
    tenantId: 't_abcde',
    objectType: 'campaign',
    ...overrides,
  };
}
