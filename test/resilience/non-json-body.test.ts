import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { allCampaigns, BREAKER_NEVER_OPENS, backendOf, clearFaults, KINDS, NAME_OF_KIND, type ListedNode } from './support/backends.js';

let harness: GatewayHarness;
let healthy: ListedNode[];

beforeAll(async () => {
  harness = await startGatewayHarness({ backendEntry: (entry) => ({ ...entry, timeoutMs: 300, retries: 2, breaker: BREAKER_NEVER_OPENS }) });
  healthy = (await allCampaigns(harness)).nodes;
  harness.clearUpstreamRequests();
});
afterEach(() => clearFaults(harness));
afterAll(() => harness.close());

describe('a backend answering 200 with an HTML page instead of JSON', () => {
  it.each(KINDS)('%s: BACKEND_ERROR for it, the other three stand, and it is not asked again', async (kind) => {
    const broken = NAME_OF_KIND[kind];
    const backend = backendOf(harness, kind);
    await backend.faults.set({ kind: 'nonJson' });

    const result = await harness.execute('{ campaigns(first: 100) { nodes { id backend { name } } } }');
    const nodes = (result.data as { campaigns: { nodes: ListedNode[] } }).campaigns.nodes;

    expect(nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.backend.name !== broken).map((n) => n.id));
    expect(result.errors).toEqual([
      {
        message: `backend "${broken}" answered 200 with a body that is not JSON`,
        path: ['campaigns'],
        extensions: { code: 'BACKEND_ERROR', backend: broken },
      },
    ]);
    // An answer that breaks the contract will not mend on a retry.
    expect(backend.requests.count()).toBe(1);
    // The proxy's page itself never reaches the client.
    expect(JSON.stringify(result)).not.toMatch(/nginx|<html/i);
  });
});
