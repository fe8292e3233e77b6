import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { facetOf } from '../../src/adapters/seam/capabilities.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());
afterEach(() => vi.restoreAllMocks());

describe('the live delivery-stats hub', () => {
  it('reads a campaign’s counters through its backend’s delivery-stats facet, not its campaign reads', async () => {
    const broadcast = harness.adapters.forId('broadcast');
    const read = vi.spyOn(facetOf(broadcast, 'deliveryStats'), 'read');
    const getCampaigns = vi.spyOn(broadcast, 'getCampaigns');
    const controller = new AbortController();
    const stream = await harness.hub.subscribe({ backend: 'broadcast', nativeId: '388' }, { signal: controller.signal });
    const first = await stream.next();
    controller.abort();
    expect(first.value).toMatchObject({ total: expect.any(Number), sent: expect.any(Number), delivered: expect.any(Number), failed: expect.any(Number), stale: false });
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0]![0]).toBe('388');
    expect(getCampaigns).not.toHaveBeenCalled();
  });

  it('is UNSUPPORTED naming the backend and DELIVERY_STATS for a backend without the facet, and reads nothing', async () => {
    harness.clearUpstreamRequests();
    const error = await harness.hub.subscribe({ backend: 'messaging', nativeId: 'cmp_5eed00000000000000000004' }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'UNSUPPORTED', backend: 'messaging', message: 'backend "messaging" does not support delivery counters (DELIVERY_STATS)' });
    expect(harness.upstreamRequests()).toEqual([]);
  });

  it('is NOT_FOUND for a campaign the facet does not know', async () => {
    const error = await harness.hub.subscribe({ backend: 'growth', nativeId: 'cmp_does_not_exist' }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'NOT_FOUND', backend: 'growth' });
  });
});
