import { afterEach, describe, expect, it, vi } from 'vitest';
import { postGraphQL, startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';
import { subscribeOverSse } from './support/sse.js';
import { webSocketSession } from './support/transports.js';
import { KINDS, NAME_OF_KIND } from '../support/backend-kinds.js';

/**
 * `/healthz`, `/readyz` and `/metrics`: no key needed, no secret shown,
 * readiness follows the backends, and the counters follow the traffic.
 */
const READ_KEY = 'read-key-0123456789abcdef';
let gw: ListeningGateway | undefined;

afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

async function getJson(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function scrape(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample, e.g. `sample(text, 'gateway_backend_calls_total', { backend: 'growth', outcome: 'ok' })`; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-z_]+)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) total += Number(match[3]);
  }
  return total;
}

describe('/healthz and /readyz', () => {
  it('answer without a key while /graphql demands one, and show no URL or credential', async () => {
    gw = await startListeningGateway({ config: { auth: { apiKeys: [{ key: READ_KEY, scopes: ['campaigns:read'] }] } } });
    expect((await postGraphQL(gw.endpoint, { query: '{ backends { name } }' })).status).toBe(401);

    expect(await getJson(`${gw.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await fetch(`${gw.url}/readyz`);
    const text = await ready.text();
    expect(ready.status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      status: 'ready',
      backends: [
        { name: 'growth', kind: 'workspace', reachable: true, circuit: 'closed' },
        { name: 'broadcast', kind: 'v2', reachable: true, circuit: 'closed' },
        { name: 'contact-center', kind: 'schemaType', reachable: true, circuit: 'closed' },
        { name: 'messaging', kind: 'touchpoint', reachable: true, circuit: 'closed' },
      ],
    });
    expect(text).not.toMatch(/http:|127\.0\.0\.1/);
    for (const backend of gw.references.all) for (const secret of Object.values(backend.credentials)) expect(text).not.toContain(secret);
    expect(await scrape(gw.url)).not.toContain(READ_KEY);
  });

  it('/readyz is 503 while no backend is reachable, and 200 again once one is back', async () => {
    gw = await startListeningGateway();
    for (const backend of gw.references.all) await backend.faults.set({ kind: 'refuse' });
    const down = await getJson(`${gw.url}/readyz`);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect((down.body.backends as { reachable: boolean }[]).map((b) => b.reachable)).toEqual([false, false, false, false]);
    expect((await getJson(`${gw.url}/healthz`)).status).toBe(200);

    await gw.references.v2.faults.clear('refuse');
    await vi.waitFor(async () => {
      const up = await getJson(`${gw!.url}/readyz`);
      expect(up.status).toBe(200);
      expect((up.body.backends as { name: string; reachable: boolean }[]).filter((b) => b.reachable).map((b) => b.name)).toEqual(['broadcast']);
    }, { timeout: 5000, interval: 200 });
  });

  it('reports an open circuit of a backend that answers but fails, which still counts as reachable', async () => {
    gw = await startListeningGateway({ backendEntry: (e) => ({ ...e, timeoutMs: 500 }) });
    await gw.references.v2.faults.set({ kind: 'status500' });
    // Every campaigns list makes three failing attempts at v2; the breaker opens after five in its window.
    for (let i = 0; i < 5; i += 1) {
      const { body } = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 1) { totalCount } }' });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'broadcast' });
    }
    const { status, body } = await getJson(`${gw.url}/readyz`);
    expect(status).toBe(200);
    expect((body.backends as { name: string }[]).find((b) => b.name === 'broadcast')).toEqual({
      name: 'broadcast',
      kind: 'v2',
      reachable: true,
      circuit: 'open',
    });
    expect(sample(await scrape(gw.url), 'gateway_backend_circuit_open', { backend: 'broadcast' })).toBe(1);
    expect(sample(await scrape(gw.url), 'gateway_backend_circuit_open', { backend: 'growth' })).toBe(0);
  });
});

describe('/metrics', () => {
  it('counts requests by operation and outcome, with latency histograms', async () => {
    gw = await startListeningGateway();
    for (let i = 0; i < 3; i += 1) {
      const { body } = await postGraphQL(gw.endpoint, { query: 'query ListSome { campaigns(first: 2) { nodes { id } } }' });
      expect(body.errors).toBeUndefined();
    }
    await postGraphQL(gw.endpoint, { query: 'query Broken { campaigns(first: 2) { nope } }' });
    await postGraphQL(gw.endpoint, { query: '{ campaign(id: "not-a-global-id") { id } }' });
    await gw.references.touchpoint.faults.set({ kind: 'status500' });
    await postGraphQL(gw.endpoint, { query: 'query Partial { campaigns(first: 50) { nodes { id } } }' });

    const text = await scrape(gw.url);
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'ListSome', type: 'query', outcome: 'success' })).toBe(3);
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'Broken', type: 'query', outcome: 'rejected' })).toBe(1);
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'anonymous', type: 'query', outcome: 'error' })).toBe(0);
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'anonymous', type: 'query', outcome: 'partial' })).toBe(1);
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'Partial', type: 'query', outcome: 'partial' })).toBe(1);
    expect(sample(text, 'gateway_graphql_request_duration_seconds_count', { operation: 'ListSome', type: 'query' })).toBe(3);
    expect(sample(text, 'gateway_graphql_request_duration_seconds_bucket', { operation: 'ListSome', le: '+Inf' })).toBe(3);
  });

  it('counts backend calls per backend, method and outcome, each retry included', async () => {
    gw = await startListeningGateway({ backendEntry: (e) => ({ ...e, retries: 2 }) });
    gw.references.all.forEach((b) => b.requests.clear());
    await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 5) { nodes { id } } }' });
    await gw.references.schemaType.faults.set({ kind: 'status500', times: 1 });
    await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 5) { nodes { id } } }' });

    const text = await scrape(gw.url);
    for (const kind of KINDS) {
      const backend = NAME_OF_KIND[kind];
      // Every request a reference backend received is one counted attempt.
      expect(sample(text, 'gateway_backend_calls_total', { backend }), backend).toBe(gw.references[kind].requests.count());
      expect(sample(text, 'gateway_backend_call_duration_seconds_count', { backend }), backend).toBe(gw.references[kind].requests.count());
    }
    expect(sample(text, 'gateway_backend_calls_total', { backend: 'contact-center', outcome: 'BACKEND_UNAVAILABLE' })).toBe(1);
    expect(sample(text, 'gateway_backend_calls_total', { backend: 'growth', method: 'GET', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
  });

  it('counts WebSocket operations too, one each, by name and outcome', async () => {
    gw = await startListeningGateway();
    const session = webSocketSession(gw.endpoint, undefined);
    try {
      await session.run({ query: 'query OverSocket { campaigns(first: 1, filter: { backends: ["growth"] }) { nodes { id } } }' });
      await session.run({ query: 'query OverSocket { campaigns(first: 1, filter: { backends: ["growth"] }) { nodes { id } } }' });
    } finally {
      await session.dispose();
    }
    const text = await scrape(gw.url);
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'OverSocket', type: 'query', outcome: 'success' })).toBe(2);
    expect(sample(text, 'gateway_graphql_request_duration_seconds_count', { operation: 'OverSocket', type: 'query' })).toBe(2);
  });

  it('counts open subscriptions, and drops them when the client goes away', async () => {
    gw = await startListeningGateway();
    const { body } = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 1, filter: { backends: ["broadcast"] }) { nodes { id } } }' });
    const campaignId = (body.data as { campaigns: { nodes: { id: string }[] } }).campaigns.nodes[0]!.id;
    const subscription = await subscribeOverSse(gw.endpoint, 'subscription Watch($id: ID!) { deliveryStats(campaignId: $id) { sent } }', { id: campaignId });
    expect((await subscription.next()).data).toMatchObject({ deliveryStats: { sent: expect.any(Number) } });

    let text = await scrape(gw.url);
    expect(sample(text, 'gateway_subscriptions_open')).toBe(1);
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'Watch', type: 'subscription', outcome: 'success' })).toBe(1);

    subscription.close();
    await vi.waitFor(async () => expect(sample(await scrape(gw!.url), 'gateway_subscriptions_open')).toBe(0), { timeout: 5000 });
    text = await scrape(gw.url);
    expect(text).toContain('# TYPE gateway_subscriptions_open gauge');
  });

  it('keeps each gateway\'s counts to itself', async () => {
    gw = await startListeningGateway();
    const other = await startListeningGateway();
    try {
      await postGraphQL(gw.endpoint, { query: 'query Mine { backends { name } }' });
      expect(sample(await scrape(gw.url), 'gateway_graphql_requests_total', { operation: 'Mine' })).toBe(1);
      expect(sample(await scrape(other.url), 'gateway_graphql_requests_total', { operation: 'Mine' })).toBe(0);
    } finally {
      await other.close();
    }
  });
});
