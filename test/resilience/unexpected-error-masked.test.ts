import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { facetOf } from '../../src/adapters/seam/capabilities.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { allCampaigns, type ListedNode } from './support/backends.js';

/** What a careless bug could put into an error: an upstream body, a credential and the code path. */
const LEAKY = 'upstream said {"secretBody":"do-not-show"} with token tp-secret-token-123';

let harness: GatewayHarness;
let healthy: ListedNode[];

beforeAll(async () => {
  harness = await startGatewayHarness();
  healthy = (await allCampaigns(harness)).nodes;
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => harness.close());

/** The `messaging` adapter, whose methods the tests replace by ones that fail like a bug would. */
const messaging = () => harness.adapters.get('messaging')!;

function expectNothingLeaked(result: unknown): void {
  const body = JSON.stringify(result);
  for (const secret of ['do-not-show', 'tp-secret-token-123', '"stack"', '"originalError"']) expect(body).not.toContain(secret);
  // No stack frame (file:line:column) either.
  expect(body).not.toMatch(/\.[jt]s:\d+:\d+/);
  for (const credential of Object.values(harness.backends.touchpoint.credentials)) expect(body).not.toContain(credential);
}

describe('an adapter that throws a plain Error', () => {
  it('single-object read: a generic INTERNAL_SERVER_ERROR at the field, nothing of the error itself', async () => {
    vi.spyOn(messaging(), 'getCampaigns').mockRejectedValue(new Error(LEAKY));
    const id = healthy.find((n) => n.backend.name === 'messaging')!.id;
    const result = await harness.execute('query ($id: ID!) { campaign(id: $id) { id name } }', { id });
    expect(result.data).toEqual({ campaign: null });
    expect(result.errors).toEqual([
      { message: 'Unexpected error.', locations: expect.any(Array), path: ['campaign'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expectNothingLeaked(result);
  });

  it('mutation: a generic INTERNAL_SERVER_ERROR', async () => {
    vi.spyOn(facetOf(messaging(), 'campaignCreate'), 'create').mockImplementation(() => {
      throw new TypeError(LEAKY);
    });
    const result = await harness.execute('mutation { createCampaign(input: { backend: "messaging", name: "Bug", channels: [SMS] }) { id } }');
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      { message: 'Unexpected error.', locations: expect.any(Array), path: ['createCampaign'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expectNothingLeaked(result);
  });

  it('list: the other backends stand and the broken one gets one generic error naming it', async () => {
    vi.spyOn(messaging(), 'listCampaigns').mockRejectedValue(new Error(LEAKY));
    const answer = await allCampaigns(harness);
    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.backend.name !== 'messaging').map((n) => n.id));
    expect(answer.errors).toEqual([
      { message: 'listing the campaigns of backend "messaging" failed unexpectedly', path: ['campaigns'], extensions: { code: 'BACKEND_ERROR', backend: 'messaging' } },
    ]);
    expectNothingLeaked(answer);
  });

  it('per field: a failing touchpoints field is a generic error, the campaign stands', async () => {
    vi.spyOn(facetOf(messaging(), 'touchpoints'), 'list').mockRejectedValue(new Error(LEAKY));
    const id = healthy.find((n) => n.backend.name === 'messaging')!.id;
    const result = await harness.execute<{ campaign: { id: string; touchpoints: null } }>(
      'query ($id: ID!) { campaign(id: $id) { id touchpoints { id } } }',
      { id },
    );
    expect(result.data).toEqual({ campaign: { id, touchpoints: null } });
    expect(result.errors).toMatchObject([{ message: 'Unexpected error.', path: ['campaign', 'touchpoints'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expectNothingLeaked(result);
  });
});
