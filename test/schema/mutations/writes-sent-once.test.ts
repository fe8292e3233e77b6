import type { ExecutionResult } from 'graphql';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../src/model/global-id.js';
import type { Fault } from '../../../src/reference-backends/shared/faults.js';
import type { ReferenceBackend } from '../../../src/reference-backends/shared/reference-backend.js';
import {
  CreateCampaignDocument,
  CreateTouchpointDocument,
  DeleteCampaignDocument,
  DeleteTouchpointDocument,
  EnrollContactsDocument,
  ExecuteCampaignDocument,
  ResendMessageDocument,
  UpdateCampaignDocument,
  UpdateTouchpointDocument,
  ValidateTouchpointDocument,
} from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness, type HarnessOptions } from '../../support/gateway-harness.js';
import { backendState } from './backend-state.js';
import { expectGatewayError } from './expect-gateway-error.js';

/**
 * A mutation whose write fails (500, 429, or no answer within timeoutMs) must reach
 * the backend exactly once and answer BACKEND_UNAVAILABLE: a second send could
 * apply it twice (a duplicate campaign, a double enrollment, a lost workflow edit).
 * Each case runs on a fresh harness so that no circuit breaker state carries over.
 */

type BackendKey = 'workspace' | 'v2' | 'schemaType' | 'touchpoint';

interface WriteCase {
  name: string;
  backend: BackendKey;
  /** The configured backend name, for `extensions.backend`. */
  backendName: string;
  /** The one request that changes something. */
  write: { method: string; path: RegExp };
  /** Looks up what the call needs (reads only), then answers the call itself. */
  prepare: (harness: GatewayHarness) => Promise<() => Promise<ExecutionResult<unknown>>>;
}

const campaign = (backend: string, nativeId: string) => encodeGlobalId('Campaign', [backend, nativeId]);
const node = (backend: string, campaignId: string, nativeId: string) => encodeGlobalId('Touchpoint', [backend, campaignId, nativeId]);

/** The first touchpoint of the touchpoint API's "Easter Flash Sale" campaign (SMS). */
const EASTER = 'cmp_5eed00000000000000000004';
async function easterTouchpoint(harness: GatewayHarness): Promise<string> {
  const page = await backendState(harness.backends).touchpointsOf(EASTER);
  return node('messaging', EASTER, page.json.data[0]._id);
}

async function failedV2Message(harness: GatewayHarness): Promise<string> {
  const state = backendState(harness.backends);
  for (let id = 380; id < 400; id++) {
    const messages = await state.v2Messages(id);
    const failed = messages.status === 200 ? (messages.json.data as { MessageKey: string; Status: string }[]).find((m) => m.Status === 'failed') : undefined;
    if (failed) return encodeGlobalId('Message', ['broadcast', String(id), failed.MessageKey]);
  }
  throw new Error('no failed v2 message in the seed');
}

const WS = '^/api/workspaces/ws_demo/campaigns';
const CASES: WriteCase[] = [
  {
    name: 'workspace createCampaign',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'POST', path: new RegExp(`${WS}$`) },
    prepare: async (h) => () => h.execute(CreateCampaignDocument, { input: { backend: 'growth', name: 'Once only' } }),
  },
  {
    name: 'workspace updateCampaign',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'PATCH', path: new RegExp(`${WS}/cmp_welcome_series$`) },
    prepare: async (h) => () => h.execute(UpdateCampaignDocument, { id: campaign('growth', 'cmp_welcome_series'), input: { name: 'Once only' } }),
  },
  {
    name: 'workspace deleteCampaign',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'DELETE', path: new RegExp(`${WS}/cmp_welcome_series$`) },
    prepare: async (h) => () => h.execute(DeleteCampaignDocument, { id: campaign('growth', 'cmp_welcome_series') }),
  },
  {
    name: 'workspace createTouchpoint (workflow PATCH)',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'PATCH', path: new RegExp(`${WS}/cmp_welcome_series$`) },
    prepare: async (h) => () =>
      h.execute(CreateTouchpointDocument, { input: { campaignId: campaign('growth', 'cmp_welcome_series'), name: 'Once', type: 'DELAY', rawType: 'LONG_DELAY', config: { days: 1 } } }),
  },
  {
    name: 'workspace updateTouchpoint (workflow PATCH)',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'PATCH', path: new RegExp(`${WS}/cmp_welcome_series$`) },
    prepare: async (h) => () => h.execute(UpdateTouchpointDocument, { id: node('growth', 'cmp_welcome_series', 'n3'), input: { name: 'Once' } }),
  },
  {
    name: 'workspace deleteTouchpoint (workflow PATCH)',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'PATCH', path: new RegExp(`${WS}/cmp_welcome_series$`) },
    prepare: async (h) => () => h.execute(DeleteTouchpointDocument, { id: node('growth', 'cmp_welcome_series', 'n3') }),
  },
  {
    name: 'workspace enrollContacts',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'POST', path: /\/enroll$/ },
    prepare: async (h) => () => h.execute(EnrollContactsDocument, { campaignId: campaign('growth', 'cmp_welcome_series'), contactIds: ['ct_once'] }),
  },
  {
    name: 'workspace executeCampaign',
    backend: 'workspace',
    backendName: 'growth',
    write: { method: 'POST', path: /\/execute$/ },
    prepare: async (h) => () => h.execute(ExecuteCampaignDocument, { campaignId: campaign('growth', 'cmp_welcome_series'), input: { contactId: 'ct_once' } }),
  },
  {
    name: 'v2 createCampaign',
    backend: 'v2',
    backendName: 'broadcast',
    write: { method: 'POST', path: /^\/v2\/campaign\/create$/ },
    prepare: async (h) => {
      const template = h.backends.v2.templates.find((t) => t.name === 'order_confirmation')!;
      const recipients = [
        { contactId: '+966500000031', params: ['A', '1'] },
        { contactId: '+966500000032', params: ['B', '2'] },
      ];
      return () => h.execute(CreateCampaignDocument, { input: { backend: 'broadcast', name: 'Once only', templateId: template.id, recipients } });
    },
  },
  {
    name: 'v2 updateCampaign',
    backend: 'v2',
    backendName: 'broadcast',
    write: { method: 'PUT', path: /^\/v2\/campaign\/update$/ },
    prepare: async (h) => () => h.execute(UpdateCampaignDocument, { id: campaign('broadcast', '389'), input: { name: 'Once only' } }),
  },
  {
    name: 'v2 deleteCampaign',
    backend: 'v2',
    backendName: 'broadcast',
    write: { method: 'DELETE', path: /^\/v2\/campaign\/delete$/ },
    prepare: async (h) => () => h.execute(DeleteCampaignDocument, { id: campaign('broadcast', '385') }),
  },
  {
    name: 'v2 resendMessage',
    backend: 'v2',
    backendName: 'broadcast',
    write: { method: 'POST', path: /^\/v2\/campaign\/resendMsg$/ },
    prepare: async (h) => {
      const id = await failedV2Message(h);
      return () => h.execute(ResendMessageDocument, { id });
    },
  },
  {
    name: 'schemaType createCampaign',
    backend: 'schemaType',
    backendName: 'contact-center',
    write: { method: 'POST', path: /^\/api\/v1\/schema-types\/campaign$/ },
    prepare: async (h) => () => h.execute(CreateCampaignDocument, { input: { backend: 'contact-center', name: 'Once only', workflowId: 'wf_once' } }),
  },
  {
    name: 'schemaType updateCampaign',
    backend: 'schemaType',
    backendName: 'contact-center',
    write: { method: 'PATCH', path: /\/cmp_csat_survey$/ },
    prepare: async (h) => () => h.execute(UpdateCampaignDocument, { id: campaign('contact-center', 'cmp_csat_survey'), input: { name: 'Once only' } }),
  },
  {
    name: 'schemaType deleteCampaign',
    backend: 'schemaType',
    backendName: 'contact-center',
    write: { method: 'DELETE', path: /\/cmp_csat_survey$/ },
    prepare: async (h) => () => h.execute(DeleteCampaignDocument, { id: campaign('contact-center', 'cmp_csat_survey') }),
  },
  {
    name: 'touchpoint createCampaign',
    backend: 'touchpoint',
    backendName: 'messaging',
    write: { method: 'POST', path: /^\/v1\/campaigns$/ },
    prepare: async (h) => () => h.execute(CreateCampaignDocument, { input: { backend: 'messaging', name: 'Once only', channels: ['SMS'] } }),
  },
  {
    name: 'touchpoint deleteCampaign',
    backend: 'touchpoint',
    backendName: 'messaging',
    write: { method: 'DELETE', path: new RegExp(`^/v1/campaigns/${EASTER}$`) },
    prepare: async (h) => () => h.execute(DeleteCampaignDocument, { id: campaign('messaging', EASTER) }),
  },
  {
    name: 'touchpoint createTouchpoint',
    backend: 'touchpoint',
    backendName: 'messaging',
    write: { method: 'POST', path: /^\/v1\/touchpoints$/ },
    prepare: async (h) => () => h.execute(CreateTouchpointDocument, { input: { campaignId: campaign('messaging', EASTER), name: 'Once', type: 'MESSAGE', message: 'Once only' } }),
  },
  {
    name: 'touchpoint updateTouchpoint',
    backend: 'touchpoint',
    backendName: 'messaging',
    write: { method: 'PATCH', path: /^\/v1\/touchpoints\/tp_/ },
    prepare: async (h) => {
      const id = await easterTouchpoint(h);
      return () => h.execute(UpdateTouchpointDocument, { id, input: { name: 'Once only' } });
    },
  },
  {
    name: 'touchpoint deleteTouchpoint',
    backend: 'touchpoint',
    backendName: 'messaging',
    write: { method: 'DELETE', path: /^\/v1\/touchpoints\/tp_/ },
    prepare: async (h) => {
      const id = await easterTouchpoint(h);
      return () => h.execute(DeleteTouchpointDocument, { id });
    },
  },
  {
    name: 'touchpoint validateTouchpoint',
    backend: 'touchpoint',
    backendName: 'messaging',
    write: { method: 'POST', path: /^\/v1\/touchpoints\/validate$/ },
    prepare: async (h) => {
      const id = await easterTouchpoint(h);
      return () => h.execute(ValidateTouchpointDocument, { id });
    },
  },
];

/**
 * Switches `fault` on for the backend's first request that is not a GET, at the
 * moment it arrives: reads a mutation makes before its write (the workspace reads
 * the workflow it edits) stay healthy, and the write itself is the one that fails.
 * The request log records a request before the faults are taken, so the fault set
 * here applies to that very request.
 */
function faultOnFirstWrite(backend: ReferenceBackend, fault: Fault): void {
  const log = backend.requests;
  const record = log.record.bind(log);
  log.record = (entry) => {
    if (entry.method !== 'GET') {
      Reflect.deleteProperty(log, 'record');
      void backend.faults.set(fault);
    }
    record(entry);
  };
}

async function withHarness(options: HarnessOptions, test: (harness: GatewayHarness) => Promise<void>): Promise<void> {
  const harness = await startGatewayHarness(options);
  try {
    await test(harness);
  } finally {
    await harness.close();
  }
}

const matching = (backend: ReferenceBackend, write: WriteCase['write']) => backend.requests.list({ method: write.method, path: write.path });

describe('a write that fails is sent exactly once', () => {
  it.each(CASES)('$name: a 500 answers BACKEND_UNAVAILABLE after one attempt', async ({ backend, backendName, write, prepare }) => {
    await withHarness({}, async (harness) => {
      const run = await prepare(harness);
      const reference = harness.backends[backend];
      reference.requests.clear();
      faultOnFirstWrite(reference, { kind: 'status500', times: 1 });
      expectGatewayError(await run(), { code: 'BACKEND_UNAVAILABLE', backend: backendName });
      expect(matching(reference, write)).toHaveLength(1);
      expect(reference.requests.list().filter((r) => r.method !== 'GET')).toHaveLength(1);
    });
  });

  it.each(CASES)('$name: a 500 on the first request of the call retries only a read, never the write', async ({ backend, backendName, write, prepare }) => {
    await withHarness({}, async (harness) => {
      const run = await prepare(harness);
      const reference = harness.backends[backend];
      reference.requests.clear();
      await reference.faults.set({ kind: 'status500', times: 1 });
      const result = await run();
      const [first] = reference.requests.list();
      expect(matching(reference, write)).toHaveLength(1);
      if (first!.method === write.method && write.path.test(first!.path)) {
        // The write came first and failed: no second attempt.
        expectGatewayError(result, { code: 'BACKEND_UNAVAILABLE', backend: backendName });
      } else {
        // A read came first: it was retried, and the write that followed went once.
        expect(first!.method).toBe('GET');
        const requests = reference.requests.list();
        const beforeWrite = requests.slice(0, requests.findIndex((r) => r.method === write.method && write.path.test(r.path)));
        expect(beforeWrite.filter((r) => r.method === 'GET' && r.path === first!.path)).toHaveLength(2);
        expect(result.errors?.[0]?.extensions?.['code']).not.toBe('BACKEND_UNAVAILABLE');
      }
    });
  });

  it.each(CASES)('$name: a 429 with Retry-After answers BACKEND_UNAVAILABLE after one attempt', async ({ backend, backendName, write, prepare }) => {
    await withHarness({}, async (harness) => {
      const run = await prepare(harness);
      const reference = harness.backends[backend];
      reference.requests.clear();
      faultOnFirstWrite(reference, { kind: 'rateLimit', retryAfterSeconds: 0, times: 1 });
      expectGatewayError(await run(), { code: 'BACKEND_UNAVAILABLE', backend: backendName });
      expect(matching(reference, write)).toHaveLength(1);
    });
  });
});

describe.concurrent('a write that times out is sent exactly once', () => {
  const TIMEOUT_MS = 400;
  const LATENCY_MS = 1500;

  it.each(CASES)('$name: no answer within timeoutMs is BACKEND_UNAVAILABLE, and no second attempt follows', async ({ backend, backendName, write, prepare }) => {
    await withHarness({ backendEntry: (entry) => ({ ...entry, timeoutMs: TIMEOUT_MS }) }, async (harness) => {
      const run = await prepare(harness);
      const reference = harness.backends[backend];
      reference.requests.clear();
      faultOnFirstWrite(reference, { kind: 'latency', ms: LATENCY_MS, times: 1 });
      const started = performance.now();
      const result = await run();
      const elapsed = performance.now() - started;
      expectGatewayError(result, { code: 'BACKEND_UNAVAILABLE', backend: backendName, message: 'did not answer in time' });
      // The gateway gave up on its own timer, not because the backend answered.
      expect(elapsed).toBeLessThan(LATENCY_MS);
      // Wait until the slow write has been handled: a retry would have arrived by now.
      await sleep(LATENCY_MS - elapsed + 200);
      expect(matching(reference, write)).toHaveLength(1);
      expect(reference.requests.list().filter((r) => r.method !== 'GET')).toHaveLength(1);
    });
  });
});

describe('the v2 server\'s own upstream failure (502) on create', () => {
  it('is BACKEND_UNAVAILABLE after one attempt, and no campaign exists', async () => {
    await withHarness({}, async (harness) => {
      const template = harness.backends.v2.templates.find((t) => t.name === 'order_confirmation')!;
      harness.backends.v2.requests.clear();
      harness.backends.v2.failUpstream(1);
      const result = await harness.execute(CreateCampaignDocument, {
        input: {
          backend: 'broadcast',
          name: 'Provider down',
          templateId: template.id,
          recipients: [
            { contactId: '+966500000041', params: ['A', '1'] },
            { contactId: '+966500000042', params: ['B', '2'] },
          ],
        },
      });
      expectGatewayError(result, { code: 'BACKEND_UNAVAILABLE', backend: 'broadcast' });
      expect(harness.backends.v2.requests.count({ method: 'POST', path: '/v2/campaign/create' })).toBe(1);
      const listed = await harness.execute(`query { campaigns(filter: { backends: ["broadcast"], nameContains: "Provider down" }) { nodes { id } } }`);
      expect((listed.data as { campaigns: { nodes: unknown[] } }).campaigns.nodes).toEqual([]);
    });
  });
});
