import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { campaignGlobalId } from '../../src/model/global-id.js';
import { ManualClock } from '../../src/reference-backends/shared/clock.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import { startGatewayServer } from '../../src/server/start-server.js';

/**
 * A stop while a backend hangs: once the drain deadline has passed, every
 * request still in flight gets its answer (the healthy backends' data and
 * `BACKEND_UNAVAILABLE` naming the hung one) before the server goes, instead of
 * having its connection reset without one.
 */
let references: ReferenceBackendSet | undefined;
afterEach(async () => {
  await references?.close();
  references = undefined;
});

type Answer = { status: number; body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } };

describe('stopping with requests in flight on a hung backend', () => {
  it('answers all 10 of them with their partial results before closing, none reset', async () => {
    references = await startAllReferenceBackends({ clock: new ManualClock(Date.UTC(2026, 10, 23, 12)) });
    const config = parseConfig({ port: 0, backends: references.configEntries(), pollIntervalMs: 60_000 }, { env: {} });
    const running = await startGatewayServer({
      config,
      logger: pino({ level: 'silent' }),
      host: '127.0.0.1',
      drain: { deadlineMs: 300, answerGraceMs: 2000 },
    });
    await references.workspace.faults.set({ kind: 'latency', ms: 20_000 });
    references.workspace.requests.clear();

    // Five campaigns, not one: identical reads in flight at once would share one upstream call.
    const growthCampaigns = ['cmp_welcome_series', 'cmp_abandoned_cart', 'cmp_spring_sale', 'cmp_winback_lapsed', 'cmp_trial_ending'].map((nativeId) =>
      campaignGlobalId({ backend: 'growth', nativeId }),
    );
    const post = (query: string, variables: Record<string, unknown> = {}): Promise<Answer | Error> =>
      fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as Answer['body'] }),
        (error: Error) => error,
      );
    const inFlight = [
      ...Array.from({ length: 5 }, () => post('{ campaigns(first: 3) { nodes { id backend { name } } } }')),
      ...growthCampaigns.map((id) => post('query ($id: ID!) { campaign(id: $id) { id name } }', { id })),
    ];
    // Every one of them is waiting on the hung backend: the five reads, and the five lists on the one list call they share.
    await vi.waitFor(() => expect(references!.workspace.requests.count()).toBeGreaterThanOrEqual(6), { timeout: 5000, interval: 20 });

    await running.close();
    const answers = await Promise.all(inFlight);

    const reset = answers.filter((answer) => answer instanceof Error);
    expect(reset).toEqual([]);
    for (const answer of answers as Answer[]) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors![0]!.extensions).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'growth' });
      expect(answer.body.errors![0]!.message).toContain('shut down');
    }
    const lists = (answers as Answer[]).slice(0, 5);
    for (const list of lists) {
      const nodes = list.body.data!.campaigns.nodes as { backend: { name: string } }[];
      expect(nodes).toHaveLength(3);
      expect(nodes.every((node) => node.backend.name !== 'growth')).toBe(true);
    }
    for (const single of (answers as Answer[]).slice(5)) expect(single.body.data).toEqual({ campaign: null });
  });
});
