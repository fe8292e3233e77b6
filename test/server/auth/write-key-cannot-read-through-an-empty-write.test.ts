import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignGlobalId, touchpointGlobalId } from '../../../src/model/global-id.js';
import { startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { AUTH_CONFIG, KEYS } from '../support/scoped-operations.js';
import { overPost, type TransportResult } from '../support/transports.js';

/**
 * The probe: a write-only key sent `updateCampaign(id, input: {})`; no PATCH
 * went out, one GET did, and the whole campaign (raw, messages, enrollments)
 * came back: a read through a write. An update that changes nothing is now
 * `BAD_USER_INPUT` on `input` with no upstream call at all, for campaigns and
 * touchpoints on every backend, including inputs whose fields all mean "leave
 * as it is". A real update of a v2 campaign that is no longer scheduled does not succeed.
 */
let gw: ListeningGateway;
let write: (query: string, variables?: Record<string, unknown>) => Promise<TransportResult>;

beforeAll(async () => {
  gw = await startListeningGateway({ config: AUTH_CONFIG });
  const run = overPost(gw.endpoint, { authorization: `Bearer ${KEYS.write}` });
  write = (query, variables) => run({ query, variables });
});
afterAll(() => gw?.close());

const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);
const clearUpstream = () => gw.references.all.forEach((b) => b.requests.clear());

const UPDATE_CAMPAIGN = `mutation ($id: ID!, $input: UpdateCampaignInput!) {
  updateCampaign(id: $id, input: $input) { id name raw messages(first: 100) { nodes { recipient } } enrollments(first: 100) { nodes { contactId } } }
}`;
const UPDATE_TOUCHPOINT = 'mutation ($id: ID!, $input: UpdateTouchpointInput!) { updateTouchpoint(id: $id, input: $input) { id name message raw campaign { raw } } }';

function expectRefusedWithoutUpstream(result: TransportResult): void {
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  expect(upstreamCalls()).toBe(0);
}

describe('a write key and an update that changes nothing', () => {
  it.each([
    ['growth', 'cmp_welcome_series', {}],
    ['growth', 'cmp_welcome_series', { name: null, status: null, settings: null }],
    ['broadcast', '388', {}],
    ['broadcast', '388', { name: null, scheduledAt: null }],
    ['contact-center', 'cmp_spring_upsell', {}],
    ['contact-center', 'cmp_spring_upsell', { name: null }],
    ['messaging', 'cmp_5eed00000000000000000003', {}],
  ])('updateCampaign on %s %s with %j: BAD_USER_INPUT, nothing sent, nothing read', async (backend, nativeId, input) => {
    clearUpstream();
    expectRefusedWithoutUpstream(await write(UPDATE_CAMPAIGN, { id: campaignGlobalId({ backend, nativeId }), input }));
  });

  it.each([
    ['growth', 'cmp_welcome_series', 'node_trigger', {}],
    ['growth', 'cmp_welcome_series', 'node_trigger', { name: null, message: null, config: null, position: null }],
    ['messaging', 'cmp_5eed00000000000000000003', 'tp_whatever', {}],
    ['messaging', 'cmp_5eed00000000000000000003', 'tp_whatever', { name: null }],
  ])('updateTouchpoint on %s with %j: BAD_USER_INPUT, nothing sent, nothing read', async (backend, campaignNativeId, nativeId, input) => {
    clearUpstream();
    expectRefusedWithoutUpstream(await write(UPDATE_TOUCHPOINT, { id: touchpointGlobalId({ backend, campaignNativeId, nativeId }), input }));
  });

  it('a rename of a v2 campaign that is processing is CONFLICT, not a success', async () => {
    const result = await write(UPDATE_CAMPAIGN, { id: campaignGlobalId({ backend: 'broadcast', nativeId: '388' }), input: { name: 'Renamed while sending' } });
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', backend: 'broadcast' });
  });
});
