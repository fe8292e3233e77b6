import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type DemoSetup } from '../../src/config/demo-config.js';
import { ManualClock } from '../../src/reference-backends/shared/clock.js';
import { graphiqlTabs } from '../../src/server/example-query.js';
import { startGatewayServer, type RunningGateway } from '../../src/server/start-server.js';

/**
 * The demo always has a broadcast whose counters move: a new one starts
 * whenever the last completes. Driven by the v2 backend's deterministic clock
 * and ticks (no timer), through the gateway. GraphiQL's examples point at that
 * broadcast, and their `createCampaign` for each backend runs as it is.
 */
let demo: DemoSetup;
let running: RunningGateway;
const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));

beforeAll(async () => {
  demo = await startDemo({ port: 0, tickIntervalMs: 0, clock });
  running = await startGatewayServer({ config: demo.config, logger: pino({ level: 'silent' }), examples: demo.examples });
});
afterAll(async () => {
  await running?.close();
  await demo?.backends.close();
});

async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors?: unknown[] }> {
  const response = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data: T; errors?: unknown[] };
}

async function statsOf(id: string): Promise<{ sent: number; delivered: number; failed: number; total: number }> {
  const answer = await graphql<{ node: { deliveryStats: { sent: number; delivered: number; failed: number; total: number } } }>(
    'query ($id: ID!) { node(id: $id) { ... on Campaign { deliveryStats { total sent delivered failed } } } }',
    { id },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.node.deliveryStats;
}

describe('the demo', () => {
  it('still has a broadcast whose counts move after every seeded broadcast has completed', async () => {
    const v2 = demo.backends.v2;
    const seeded = new Set(v2.processingCampaignIds());
    expect(seeded.size).toBeGreaterThan(0);
    const liveIds = new Set<string>();
    let ticks = 0;
    // Until every seeded broadcast has completed, and then through a few more broadcasts of its own.
    while ((v2.processingCampaignIds().some((id) => seeded.has(id)) || liveIds.size < 3) && ticks < 200) {
      const id = demo.examples.liveCampaignId();
      expect(id).toBeDefined();
      liveIds.add(id!);
      const before = await statsOf(id!);
      clock.advance(2000);
      v2.advance(1);
      ticks += 1;
      const after = await statsOf(id!);
      // Every tick moves some message of the broadcast in progress.
      expect(after.sent + after.delivered + after.failed).toBeGreaterThan(before.sent + before.delivered + before.failed);
    }
    expect(v2.processingCampaignIds().filter((id) => seeded.has(id))).toEqual([]);
    expect(v2.processingCampaignIds()).toHaveLength(1);
    expect(liveIds.size).toBeGreaterThanOrEqual(3);
  });

  it('names the live broadcast in the GraphiQL subscription tab of the page', async () => {
    const [, subscription] = graphiqlTabs(demo.examples);
    const variables = JSON.parse(subscription!.variables!) as { campaignId: string };
    expect(variables.campaignId).toBe(demo.examples.liveCampaignId());
    const page = await (await fetch(`${running.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain(variables.campaignId);
    expect(page).toContain('subscription WatchDeliveries');
  });

  it('offers a createCampaign for each backend that runs as it is', async () => {
    const tabs = graphiqlTabs(demo.examples);
    const create = tabs[2]!.query;
    const operations = [...create.matchAll(/mutation (\w+)/g)].map((m) => m[1]!);
    expect(operations).toEqual(['CreateOnGrowth', 'CreateOnBroadcast', 'CreateOnContactCenter', 'CreateOnMessaging']);
    for (const operationName of operations) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: create, operationName }),
      });
      const answer = (await response.json()) as { data?: { createCampaign: { id: string; backend: { name: string } } }; errors?: unknown[] };
      expect(answer.errors, operationName).toBeUndefined();
      expect(answer.data!.createCampaign.id).toEqual(expect.any(String));
    }
  });
});
