import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignGlobalId } from '../../src/model/global-id.js';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { closedPort } from '../live/support/tcp-proxy.js';
import { execute, startBackends, startLiveGateway, uniqueRedisPrefix, WORKSPACE } from '../live/support/live-gateway.js';
import { backendState } from '../schema/mutations/backend-state.js';

const CREATE_TOUCHPOINT = /* GraphQL */ `
  mutation CreateTouchpoint($input: CreateTouchpointInput!) {
    createTouchpoint(input: $input) { id nativeId name }
  }
`;

interface WireNode {
  id: string;
  name?: string;
  position: number;
}
interface Workflow {
  nodes: WireNode[];
  edges: unknown[];
}

describe.skipIf(!process.env.REDIS_URL)('two replicas editing one workspace workflow', () => {
  const prefix = uniqueRedisPrefix();
  let backends: ReferenceBackendSet;
  let redis: Redis;
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
    backends = await startBackends();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await backends?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  async function replicas(config: Record<string, unknown>): Promise<[RunningGateway, RunningGateway]> {
    const pair = await Promise.all([0, 1].map(() => startLiveGateway({ backends, pollIntervalMs: 60_000, config })));
    gateways.push(...pair);
    return pair as [RunningGateway, RunningGateway];
  }

  async function workflowOf(nativeId: string): Promise<Workflow> {
    const answer = await backendState(backends).workspaceCampaign(nativeId);
    expect(answer.status).toBe(200);
    return answer.json.workflow as Workflow;
  }

  /** 20 parallel creates on one campaign, alternating between the replicas (10 each); answers what the gateways said they created. */
  async function twentyCreates([a, b]: [RunningGateway, RunningGateway], nativeId: string): Promise<{ nativeId: string }[]> {
    const campaignId = campaignGlobalId({ backend: WORKSPACE, nativeId });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        execute((i % 2 === 0 ? a : b).url, CREATE_TOUCHPOINT, {
          input: { campaignId, name: `Replica tag ${i}`, type: 'ACTION', rawType: 'ADD_TAG', config: { tag: `replica_${i}` } },
        }),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    return results.map((result) => result.data.createTouchpoint as { nativeId: string });
  }

  it('keeps all 20 of 20 parallel createTouchpoint calls split between two replicas sharing the Redis lock, and every earlier node and edge', async () => {
    const pair = await replicas({ redisUrl: process.env.REDIS_URL, redisKeyPrefix: prefix });
    const before = await workflowOf('cmp_abandoned_cart');
    const patchesBefore = backends.workspace.requests.count({ method: 'PATCH' });

    const created = await twentyCreates(pair, 'cmp_abandoned_cart');

    const after = await workflowOf('cmp_abandoned_cart');
    const createdIds = new Set(created.map((tp) => tp.nativeId));
    expect(createdIds.size).toBe(20);
    expect(after.nodes).toHaveLength(before.nodes.length + 20);
    expect(after.nodes.filter((node) => !createdIds.has(node.id))).toEqual(before.nodes);
    expect(after.nodes.filter((node) => createdIds.has(node.id))).toHaveLength(20);
    expect(after.edges).toEqual(before.edges);
    expect(new Set(after.nodes.map((node) => node.position)).size).toBe(after.nodes.length);
    // One whole-workflow PATCH per create, none repeated; no lock left behind.
    expect(backends.workspace.requests.count({ method: 'PATCH' }) - patchesBefore).toBe(20);
    expect(await redis.keys(`${prefix}edit:*`)).toEqual([]);
  });

  it('keeps every edit through a replica whose Redis is unreachable (in-process lock), answering promptly', async () => {
    const [a] = await replicas({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, redisKeyPrefix: prefix });
    const before = await workflowOf('cmp_spring_sale');
    const started = Date.now();
    const created = await twentyCreates([a, a], 'cmp_spring_sale');
    // Generous: 20 edits one after another, none waiting on Redis.
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await workflowOf('cmp_spring_sale');
    expect(after.nodes).toHaveLength(before.nodes.length + 20);
    expect(after.nodes.filter((node) => created.some((tp) => tp.nativeId === node.id))).toHaveLength(20);
    expect(after.edges).toEqual(before.edges);
  });

  it('without a shared lock (in-process locks only) the same calls all answer success but the workflow loses nodes', async () => {
    const pair = await replicas({});
    const before = await workflowOf('cmp_winback_lapsed');

    const created = await twentyCreates(pair, 'cmp_winback_lapsed');

    const after = await workflowOf('cmp_winback_lapsed');
    const kept = after.nodes.filter((node) => created.some((tp) => tp.nativeId === node.id)).length;
    console.info(`without the shared lock: ${kept} of 20 new nodes kept`);
    expect(kept).toBeLessThan(20);
    expect(after.nodes).toHaveLength(before.nodes.length + kept);
  });
});
