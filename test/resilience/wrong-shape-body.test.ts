import { afterEach, describe, expect, it } from 'vitest';
import { campaignGlobalId } from '../../src/model/global-id.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { allCampaigns, KINDS, NAME_OF_KIND, type ListedNode } from './support/backends.js';
import { startInterceptingProxy, throughProxy, type Interception, type InterceptingProxy, type ProxiedRequest } from './support/intercepting-proxy.js';

let harness: GatewayHarness | undefined;
let proxy: InterceptingProxy | undefined;

afterEach(async () => {
  await harness?.close();
  await proxy?.close();
  harness = proxy = undefined;
});

/** The gateway in front of the reference backends, with the backend of `kind` reached through a proxy. */
async function start(kind: string, intercept: (request: ProxiedRequest) => Interception | undefined) {
  proxy = await startInterceptingProxy({ intercept });
  harness = await startGatewayHarness({ backendEntry: throughProxy(proxy, kind) });
  return { harness, proxy };
}

/** The answer of the healthy reference backends, for comparison. */
async function healthyCampaigns(): Promise<ListedNode[]> {
  const reference = await startGatewayHarness();
  try {
    return (await allCampaigns(reference)).nodes;
  } finally {
    await reference.close();
  }
}

describe('a backend answering JSON of the wrong shape', () => {
  it.each(KINDS)('%s: every read answered {"data": "nope"} is BACKEND_ERROR for it; the others stand', async (kind) => {
    const broken = NAME_OF_KIND[kind];
    const healthy = await healthyCampaigns();
    const { harness } = await start(kind, ({ method }) => (method === 'GET' ? { answer: { status: 200, body: { data: 'nope' } } } : undefined));

    const answer = await allCampaigns(harness);

    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.backend.name !== broken).map((n) => n.id));
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({ path: ['campaigns'], extensions: { code: 'BACKEND_ERROR', backend: broken } });
    expect(answer.errors[0]!.message).toContain(`backend "${broken}"`);
  });

  it('leaves out a single broken record with an error naming the backend and the record; the rest stands', async () => {
    const healthy = await healthyCampaigns();
    let brokenId = '';
    const { harness } = await start('v2', ({ path }) =>
      path === '/v2/campaign/getAll'
        ? {
            rewrite: (body) => {
              const records = (body as { data: { ID: number; CreatedAt: unknown }[] }).data;
              brokenId = String(records[1]!.ID);
              records[1]!.CreatedAt = 'last tuesday';
              return body;
            },
          }
        : undefined,
    );

    const answer = await allCampaigns(harness);

    const brokenGlobalId = campaignGlobalId({ backend: 'broadcast', nativeId: brokenId });
    expect(answer.nodes.map((n) => n.id)).toEqual(healthy.filter((n) => n.id !== brokenGlobalId).map((n) => n.id));
    expect(answer.nodes.filter((n) => n.backend.name === 'broadcast').length).toBeGreaterThan(0);
    expect(answer.errors).toEqual([
      {
        message: `backend "broadcast" sent campaign ${brokenId} that breaks its contract (CreatedAt: not an RFC 3339 time)`,
        path: ['campaigns'],
        extensions: { code: 'BACKEND_ERROR', backend: 'broadcast' },
      },
    ]);

    // Read on its own, the broken record is null with the same error; a sound one is unaffected.
    const sound = answer.nodes.find((n) => n.backend.name === 'broadcast')!;
    const single = await harness.execute<{ broken: unknown; sound: { id: string } | null }>(
      'query ($broken: ID!, $sound: ID!) { broken: campaign(id: $broken) { id } sound: campaign(id: $sound) { id } }',
      { broken: brokenGlobalId, sound: sound.id },
    );
    expect(single.data).toEqual({ broken: null, sound: { id: sound.id } });
    expect(single.errors).toMatchObject([{ path: ['broken'], extensions: { code: 'BACKEND_ERROR', backend: 'broadcast' } }]);
    expect(single.errors![0]!.message).toContain(`campaign ${brokenId}`);
  });
});
