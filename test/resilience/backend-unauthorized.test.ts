import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { secretFieldsOfKind, secretsOf } from '../support/backend-kinds.js';
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

describe('a backend refusing the gateway’s credentials (401)', () => {
  it.each(KINDS)('%s: BACKEND_UNAUTHORIZED naming it, sent once, and its credential appears nowhere', async (kind) => {
    const refusing = NAME_OF_KIND[kind];
    const backend = backendOf(harness, kind);
    await backend.faults.set({ kind: 'unauthorized' });

    const result = await harness.execute('{ campaigns(first: 100) { nodes { id backend { name } raw } } }');
    const nodes = (result.data as { campaigns: { nodes: ListedNode[] } }).campaigns.nodes;

    expect(nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.backend.name !== refusing).map((n) => n.id));
    expect(result.errors).toEqual([
      {
        message: `backend "${refusing}" refused the gateway's credentials (401)`,
        path: ['campaigns'],
        extensions: { code: 'BACKEND_UNAUTHORIZED', backend: refusing },
      },
    ]);
    // Credentials do not mend on a retry.
    expect(backend.requests.count()).toBe(1);
    const body = JSON.stringify(result);
    // The secret of every backend (the tenant id and workspace id are names, not secrets, and show in raw records).
    for (const secret of harness.backends.all.flatMap(secretsOf)) {
      expect(body).not.toContain(secret);
    }
  });

  it('a single-object read answers null with BACKEND_UNAUTHORIZED at its path', async () => {
    const id = healthy.find((n) => n.backend.name === 'messaging')!.id;
    await harness.backends.touchpoint.faults.set({ kind: 'unauthorized' });
    const result = await harness.execute('query ($id: ID!) { campaign(id: $id) { id name } }', { id });
    expect(result.data).toEqual({ campaign: null });
    expect(result.errors).toMatchObject([{ path: ['campaign'], extensions: { code: 'BACKEND_UNAUTHORIZED', backend: 'messaging' } }]);
  });
});

describe('a backend configured with a wrong credential', () => {
  it.each(KINDS)('%s: BACKEND_UNAUTHORIZED, and the wrong credential is not echoed either', async (kind) => {
    const wrong = `wrong-${kind}-credential-0123456789`;
    const misconfigured = await startGatewayHarness({
      backendEntry: (entry) =>
        entry.kind === kind ? { ...entry, ...Object.fromEntries(secretFieldsOfKind(kind).map((field) => [field, wrong])) } : entry,
    });
    try {
      const result = await misconfigured.execute('{ campaigns(first: 100) { nodes { id } } }');
      expect(result.errors).toMatchObject([{ path: ['campaigns'], extensions: { code: 'BACKEND_UNAUTHORIZED', backend: NAME_OF_KIND[kind] } }]);
      expect(JSON.stringify(result)).not.toContain(wrong);
    } finally {
      await misconfigured.close();
    }
  });
});
