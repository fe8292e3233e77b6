import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../src/model/global-id.js';
import {
  BackendsDocument,
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
  type Capability,
} from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { expectGatewayError } from './expect-gateway-error.js';

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

/** A campaign of each backend that exists, so that only the missing capability can stop a call. */
const EXISTING_CAMPAIGN: Record<string, string> = {
  growth: 'cmp_welcome_series',
  broadcast: '389',
  'contact-center': 'cmp_q1_renewals',
  messaging: 'cmp_5eed00000000000000000004',
};

/** Every mutation, the capability it needs, and a call that is valid apart from that capability. */
const MUTATIONS: { mutation: string; capability: Capability; run: (backend: string) => Promise<ExecutionResult> }[] = [
  { mutation: 'createCampaign', capability: 'CAMPAIGN_CREATE', run: (backend) => harness.execute(CreateCampaignDocument, { input: { backend, name: 'Capability probe' } }) },
  { mutation: 'updateCampaign', capability: 'CAMPAIGN_UPDATE', run: (backend) => harness.execute(UpdateCampaignDocument, { id: campaign(backend), input: { name: 'Capability probe' } }) },
  { mutation: 'deleteCampaign', capability: 'CAMPAIGN_DELETE', run: (backend) => harness.execute(DeleteCampaignDocument, { id: campaign(backend) }) },
  {
    mutation: 'createTouchpoint',
    capability: 'TOUCHPOINT_WRITE',
    run: (backend) => harness.execute(CreateTouchpointDocument, { input: { campaignId: campaign(backend), name: 'Probe', type: 'MESSAGE', channel: 'WHATSAPP', message: 'hi' } }),
  },
  { mutation: 'updateTouchpoint', capability: 'TOUCHPOINT_WRITE', run: (backend) => harness.execute(UpdateTouchpointDocument, { id: touchpoint(backend), input: { name: 'Probe' } }) },
  { mutation: 'deleteTouchpoint', capability: 'TOUCHPOINT_WRITE', run: (backend) => harness.execute(DeleteTouchpointDocument, { id: touchpoint(backend) }) },
  { mutation: 'validateTouchpoint', capability: 'TOUCHPOINTS', run: (backend) => harness.execute(ValidateTouchpointDocument, { id: touchpoint(backend) }) },
  { mutation: 'enrollContacts', capability: 'ENROLLMENT', run: (backend) => harness.execute(EnrollContactsDocument, { campaignId: campaign(backend), contactIds: ['ct_1'] }) },
  { mutation: 'executeCampaign', capability: 'EXECUTE', run: (backend) => harness.execute(ExecuteCampaignDocument, { campaignId: campaign(backend), input: { contactId: 'ct_1' } }) },
  { mutation: 'resendMessage', capability: 'RESEND', run: (backend) => harness.execute(ResendMessageDocument, { id: encodeGlobalId('Message', [backend, EXISTING_CAMPAIGN[backend]!, 'msg_1']) }) },
];

function campaign(backend: string): string {
  return encodeGlobalId('Campaign', [backend, EXISTING_CAMPAIGN[backend]!]);
}

function touchpoint(backend: string): string {
  return encodeGlobalId('Touchpoint', [backend, EXISTING_CAMPAIGN[backend]!, backend === 'broadcast' ? 'message' : 'tp_probe']);
}

async function capabilitiesByBackend(): Promise<Map<string, Capability[]>> {
  const result = await harness.execute(BackendsDocument);
  expect(result.errors).toBeUndefined();
  return new Map(result.data!.backends.map((backend) => [backend.name, backend.capabilities]));
}

describe('UNSUPPORTED for every mutation whose capability a backend lacks', () => {
  it('the missing capabilities are the ones each backend kind cannot offer', async () => {
    const capabilities = await capabilitiesByBackend();
    const missing = (backend: string) => MUTATIONS.filter((m) => !capabilities.get(backend)!.includes(m.capability)).map((m) => m.mutation);
    expect(missing('growth')).toEqual(['resendMessage']);
    expect(missing('broadcast')).toEqual(['createTouchpoint', 'updateTouchpoint', 'deleteTouchpoint', 'enrollContacts', 'executeCampaign']);
    expect(missing('contact-center')).toEqual([
      'createTouchpoint',
      'updateTouchpoint',
      'deleteTouchpoint',
      'validateTouchpoint',
      'enrollContacts',
      'executeCampaign',
      'resendMessage',
    ]);
    expect(missing('messaging')).toEqual(['updateCampaign', 'enrollContacts', 'executeCampaign', 'resendMessage']);
  });

  it.each(['growth', 'broadcast', 'contact-center', 'messaging'])('%s: each one answers UNSUPPORTED naming the backend, and sends nothing upstream', async (backend) => {
    const capabilities = (await capabilitiesByBackend()).get(backend)!;
    const lacking = MUTATIONS.filter((m) => !capabilities.includes(m.capability));
    expect(lacking.length).toBeGreaterThan(0);
    for (const { mutation, run } of lacking) {
      harness.clearUpstreamRequests();
      const result = await run(backend);
      expectGatewayError(result, { code: 'UNSUPPORTED', backend, field: null, message: `backend "${backend}" does not support` });
      expect(harness.upstreamRequests(), mutation).toEqual([]);
    }
  });

  it.each(['growth', 'broadcast', 'contact-center', 'messaging'])('%s: no mutation whose capability it declares answers UNSUPPORTED', async (backend) => {
    const capabilities = (await capabilitiesByBackend()).get(backend)!;
    // These may still fail for other reasons (an unknown touchpoint, a channel the campaign lacks): only the capability gate is under test.
    const declared = MUTATIONS.filter((m) => capabilities.includes(m.capability) && m.mutation !== 'createCampaign' && m.mutation !== 'deleteCampaign' && m.mutation !== 'updateCampaign');
    for (const { mutation, run } of declared) {
      const result = await run(backend);
      expect(result.errors?.[0]?.extensions?.['code'], mutation).not.toBe('UNSUPPORTED');
    }
  });
});
