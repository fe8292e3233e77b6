import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../src/adapters/seam/backend-adapter.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

const READ = 'query ($id: ID!) { campaign(id: $id) { id name } }';

let harness: GatewayHarness;
beforeAll(async () => {
  // No retries: a failing call is one upstream request, whoever waits for it.
  harness = await startGatewayHarness({ backendEntry: (entry) => ({ ...entry, retries: 0 }) });
});
afterAll(async () => {
  for (const backend of harness.backends.all) backend.hold.release();
  await harness.close();
});

/** The id and native id of the first campaign a backend lists. */
async function firstCampaignOf(backend: string): Promise<{ id: string; nativeId: string }> {
  const page = await harness.execute<{ campaigns: { nodes: { id: string; nativeId: string }[] } }>(
    `{ campaigns(first: 1, filter: { backends: ["${backend}"] }) { nodes { id nativeId } } }`,
  );
  return page.data!.campaigns.nodes[0]!;
}

/**
 * Counts the campaign reads GraphQL requests hand to an adapter: once a request has
 * handed its read over, it waits on the upstream call (its own, or one it joined).
 */
function countReads(adapter: BackendAdapter): { readonly count: number; restore(): void } {
  const original = adapter.getCampaigns;
  let count = 0;
  adapter.getCampaigns = (ids, ctx) => {
    count += 1;
    return original(ids, ctx);
  };
  return {
    get count() {
      return count;
    },
    restore: () => void (adapter.getCampaigns = original),
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('identical reads of concurrent GraphQL requests', () => {
  it('16 concurrent reads of one campaign make one upstream call', async () => {
    const { id, nativeId } = await firstCampaignOf('messaging');
    const { touchpoint } = harness.backends;
    const reads = countReads(harness.adapters.get('messaging')!);
    touchpoint.requests.clear();
    touchpoint.hold.hold({ path: /^\/v1\/campaigns\/[^/]+$/ });
    try {
      const answers = Array.from({ length: 16 }, () => harness.execute<{ campaign: { id: string; name: string } }>(READ, { id }));
      await until(() => reads.count === 16 && touchpoint.hold.held === 1, 'every request to wait on the one held call');
      touchpoint.hold.release();
      const results = await Promise.all(answers);
      for (const result of results) expect(result).toMatchObject({ data: { campaign: { id } } });
      expect(touchpoint.requests.list({ path: `/v1/campaigns/${nativeId}` })).toHaveLength(1);
    } finally {
      reads.restore();
      touchpoint.hold.release();
    }
  });

  it('a failing shared call fails every request with an error of its own, at its own path', async () => {
    const { id } = await firstCampaignOf('messaging');
    const { touchpoint } = harness.backends;
    const reads = countReads(harness.adapters.get('messaging')!);
    touchpoint.requests.clear();
    touchpoint.hold.hold({ path: /^\/v1\/campaigns\/[^/]+$/ });
    await touchpoint.faults.set({ kind: 'status500', times: 1 });
    try {
      const answers = Array.from({ length: 4 }, (_, i) => harness.execute(`query ($id: ID!) { read${i}: campaign(id: $id) { id } }`, { id }));
      await until(() => reads.count === 4 && touchpoint.hold.held === 1, 'every request to wait on the one held call');
      touchpoint.hold.release();
      const results = await Promise.all(answers);
      expect(touchpoint.requests.count()).toBe(1);
      results.forEach((result, i) => {
        expect(result.data).toEqual({ [`read${i}`]: null });
        expect(result.errors).toEqual([
          { message: 'backend "messaging" failed (500)', path: [`read${i}`], locations: expect.any(Array), extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'messaging' } },
        ]);
      });
    } finally {
      reads.restore();
      touchpoint.hold.release();
      await touchpoint.faults.clear();
    }
  });

  it('a read that starts after a write through the gateway has completed never joins a read from before it', async () => {
    const { id, nativeId } = await firstCampaignOf('growth');
    const { workspace } = harness.backends;
    workspace.requests.clear();
    // Reads are held, writes are not: the rename completes while the read from before it waits.
    workspace.hold.hold({ method: 'GET', path: /\/campaigns\/[^/]+$/ });
    try {
      const before = harness.execute<{ campaign: { name: string } }>(READ, { id });
      await workspace.hold.whenHeld(1);
      const renamed = await harness.execute('mutation ($id: ID!) { updateCampaign(id: $id, input: { name: "Renamed while read" }) { name } }', { id });
      expect(renamed.errors).toBeUndefined();
      const after = harness.execute<{ campaign: { name: string } }>(READ, { id });
      await until(() => workspace.hold.held === 2, 'a second read to reach the backend');
      workspace.hold.release();
      expect((await after).data!.campaign.name).toBe('Renamed while read');
      await before;
      expect(workspace.requests.list({ method: 'GET', path: new RegExp(`/campaigns/${nativeId}$`) })).toHaveLength(2);
    } finally {
      workspace.hold.release();
    }
  });

  it('identical mutations never share a call', async () => {
    const { touchpoint } = harness.backends;
    touchpoint.requests.clear();
    const create = 'mutation { createCampaign(input: { backend: "messaging", name: "Twice", channels: [EMAIL] }) { id } }';
    const results = await Promise.all([harness.execute(create), harness.execute(create)]);
    expect(touchpoint.requests.list({ method: 'POST', path: '/v1/campaigns' })).toHaveLength(2);
    const ids = results.map((r) => (r.data as { createCampaign?: { id: string } } | null)?.createCampaign?.id ?? JSON.stringify(r.errors));
    expect(new Set(ids).size).toBe(2);
  });
});
