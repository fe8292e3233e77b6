import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callBudgetMs } from '../../src/adapters/http/retry-policy.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { allCampaigns, BREAKER_NEVER_OPENS, backendOf, clearFaults, KINDS, NAME_OF_KIND, type ListedNode } from './support/backends.js';

const TIMEOUT_MS = 300;
const RETRIES = 1;
/** Far longer than the budget: an answer arriving before it proves the gateway stopped waiting. */
const LATENCY_MS = 4000;
const BUDGET_MS = callBudgetMs({ timeoutMs: TIMEOUT_MS, retries: RETRIES });

let harness: GatewayHarness;
let healthy: ListedNode[];

beforeAll(async () => {
  harness = await startGatewayHarness({ backendEntry: (entry) => ({ ...entry, timeoutMs: TIMEOUT_MS, retries: RETRIES, breaker: BREAKER_NEVER_OPENS }) });
  healthy = (await allCampaigns(harness)).nodes;
  harness.clearUpstreamRequests();
});
afterEach(() => clearFaults(harness));
afterAll(() => harness.close());

describe('a backend slower than its timeout', () => {
  it.each(KINDS)('%s slow: answered within its budget, the others in full, one BACKEND_UNAVAILABLE error', async (kind) => {
    const slow = NAME_OF_KIND[kind];
    const backend = backendOf(harness, kind);
    await backend.faults.set({ kind: 'latency', ms: LATENCY_MS });

    const started = performance.now();
    const answer = await allCampaigns(harness);
    const elapsed = performance.now() - started;

    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.backend.name !== slow).map((n) => n.id));
    expect(answer.errors).toEqual([
      { message: `backend "${slow}" did not answer in time`, path: ['campaigns'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: slow } },
    ]);
    // Its first call timed out once per attempt: the first attempt and each retry, nothing more.
    expect(backend.requests.count()).toBe(RETRIES + 1);
    // A generous bound, far below the latency: the query waited for the budget, not for the backend.
    expect(elapsed).toBeLessThan(BUDGET_MS + 1500);
  });

  it('waits for a backend that is slow but within its timeout', async () => {
    await backendOf(harness, 'v2').faults.set({ kind: 'latency', ms: 100 });
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([]);
    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.map((n) => n.id));
  });

  it('retries a timed-out read and answers when the retry is fast', async () => {
    const backend = backendOf(harness, 'v2');
    await backend.faults.set({ kind: 'latency', ms: LATENCY_MS, times: 1 });
    const answer = await allCampaigns(harness);
    expect(answer.errors).toEqual([]);
    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.map((n) => n.id));
    expect(backend.requests.count({ path: '/v2/campaign/getAll' })).toBe(2);
  });
});

describe('a backend whose part of a list takes many calls, each within its timeout', () => {
  it('is cut at its budget as a whole: the workspace list (the list call, then the full reads of the page) answers BACKEND_UNAVAILABLE', async () => {
    // Each call takes 700 ms against a 1000 ms timeout, but with channels selected the
    // workspace part needs the list and then the full records of its campaigns on the
    // page: 2 × 700 ms in all, past the budget and its grace (1000 + 250 ms).
    const slowParts = await startGatewayHarness({ backendEntry: (entry) => ({ ...entry, timeoutMs: 1000, retries: 0, breaker: BREAKER_NEVER_OPENS }) });
    try {
      const workspace = backendOf(slowParts, 'workspace');
      await workspace.faults.set({ kind: 'latency', ms: 700 });
      const started = performance.now();
      const result = await slowParts.execute<{ campaigns: { nodes: (ListedNode & { channels: string[] })[] } }>(
        '{ campaigns(first: 100) { nodes { id name channels backend { name } } } }',
      );
      const elapsed = performance.now() - started;
      const answer = { nodes: result.data?.campaigns.nodes ?? [], errors: (result.errors ?? []) as unknown[] };
      expect(answer.errors).toEqual([
        {
          message: 'backend "growth" did not answer within its budget of 1000 ms',
          path: ['campaigns'],
          extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'growth' },
        },
      ]);
      expect(answer.nodes.length).toBeGreaterThan(0);
      expect(answer.nodes.every((n) => n.backend.name !== 'growth')).toBe(true);
      // Without the bound the answer would take at least 2 × 700 ms.
      expect(elapsed).toBeLessThan(1550);
    } finally {
      await slowParts.close();
    }
  });
});
