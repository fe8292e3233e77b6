import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { allCampaigns, BREAKER_NEVER_OPENS, backendOf, clearFaults, KINDS, NAME_OF_KIND, type ListedNode } from './support/backends.js';

const TIMEOUT_MS = 300;
const RETRIES = 1;

let harness: GatewayHarness;
let healthy: ListedNode[];

beforeAll(async () => {
  harness = await startGatewayHarness({ backendEntry: (entry) => ({ ...entry, timeoutMs: TIMEOUT_MS, retries: RETRIES, breaker: BREAKER_NEVER_OPENS }) });
  const answer = await allCampaigns(harness);
  expect(answer.errors).toEqual([]);
  healthy = answer.nodes;
});
afterEach(() => clearFaults(harness));
afterAll(() => harness.close());

describe('a backend that refuses connections', () => {
  it('costs nothing while every backend is up: all four answer, no errors', async () => {
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([]);
    expect(new Set(answer.nodes.map((n) => n.backend.name))).toEqual(new Set(Object.values(NAME_OF_KIND)));
  });

  it.each(KINDS)('%s down: the other three answer in full, with one BACKEND_UNAVAILABLE error naming it', async (kind) => {
    const down = NAME_OF_KIND[kind];
    await backendOf(harness, kind).faults.set({ kind: 'refuse' });

    const started = performance.now();
    const answer = await allCampaigns(harness);
    const elapsed = performance.now() - started;

    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.backend.name !== down).map((n) => n.id));
    expect(answer.errors).toEqual([
      { message: expect.stringContaining(`"${down}"`), path: ['campaigns'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: down } },
    ]);
    // The total cannot be known without the missing backend.
    expect(answer.totalCount).toBeNull();
    // A refused connection fails at once; even both attempts and the backoff stay far below one timeout each.
    expect(elapsed).toBeLessThan(TIMEOUT_MS * (RETRIES + 1) + 2000);
  });

  it('answers in full again once the backend is back', async () => {
    await backendOf(harness, 'v2').faults.set({ kind: 'refuse' });
    expect((await allCampaigns(harness)).errors).toHaveLength(1);
    await backendOf(harness, 'v2').faults.clear();
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([]);
    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.map((n) => n.id));
  });

  it('reports every down backend once when several are down', async () => {
    await backendOf(harness, 'v2').faults.set({ kind: 'refuse' });
    await backendOf(harness, 'touchpoint').faults.set({ kind: 'refuse' });
    const answer = await allCampaigns(harness);
    expect(answer.errors.map((e) => e.extensions?.backend).sort()).toEqual(['broadcast', 'messaging']);
    expect(new Set(answer.nodes.map((n) => n.backend.name))).toEqual(new Set(['growth', 'contact-center']));
  });

  it('answers every backend down with an empty list and one error each, not a failed request', async () => {
    for (const backend of harness.backends.all) await backend.faults.set({ kind: 'refuse' });
    const result = await harness.execute<{ campaigns: { nodes: ListedNode[] } }>('{ campaigns { nodes { id } } }');
    expect(result.status).toBe(200);
    expect(result.data?.campaigns.nodes).toEqual([]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(Array(4).fill('BACKEND_UNAVAILABLE'));
  });
});
