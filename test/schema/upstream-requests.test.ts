import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignFanoutDocument, CampaignDetailDocument, CampaignsPageDocument } from '../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

const signature = (r: { backend: string; method: string; path: string; query: Record<string, string> }) =>
  `${r.backend} ${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`;

describe('upstream requests per GraphQL request', () => {
  it('campaigns(first: 30) with touchpoints and counters sends no identical upstream request twice', async () => {
    harness.clearUpstreamRequests();
    const result = await harness.execute(CampaignFanoutDocument, { first: 30 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.campaigns.nodes).toHaveLength(30);
    const requests = harness.upstreamRequests();
    const signatures = requests.map(signature);
    expect(new Set(signatures).size).toBe(signatures.length);
    // v2 has no single-campaign endpoint: one getAll answers the list and every counter.
    expect(requests.filter((r) => r.backend === 'broadcast')).toHaveLength(1);
  });

  it('loading the same campaigns by id after listing them in one request costs nothing more', async () => {
    const page = await harness.execute(CampaignsPageDocument, { first: 8 });
    const ids = page.data!.campaigns.nodes.map((n) => n.id);
    const query = `query { ${ids.map((id, i) => `c${i}: campaign(id: "${id}") { id name touchpoints { id } } l${i}: campaign(id: "${id}") { id deliveryStats { sent } }`).join(' ')} }`;
    harness.clearUpstreamRequests();
    const result = await harness.execute(query);
    expect(result.errors).toBeUndefined();
    const signatures = harness.upstreamRequests().map(signature);
    expect(new Set(signatures).size).toBe(signatures.length);
    expect(harness.upstreamRequests().filter((r) => r.backend === 'broadcast').length).toBeLessThanOrEqual(1);
  });

  it('a fresh GraphQL request reads the backends again (nothing is cached across requests)', async () => {
    const page = await harness.execute(CampaignsPageDocument, { first: 1, filter: { backends: ['broadcast'] } });
    const id = page.data!.campaigns.nodes[0]!.id;
    harness.clearUpstreamRequests();
    await harness.execute(CampaignDetailDocument, { id });
    await harness.execute(CampaignDetailDocument, { id });
    expect(harness.upstreamRequests().filter((r) => r.path.endsWith('/getAll'))).toHaveLength(2);
  });
});
