import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load-config.js';
import type { GatewayConfig } from '../../src/config/gateway-config.js';
import { campaignGlobalId } from '../../src/model/global-id.js';
import { createLogger } from '../../src/observability/logger.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import { startGatewayServer, type RunningGateway } from '../../src/server/start-server.js';
import { FIVE_KINDS } from './registry.js';

/**
 * A kind the gateway does not ship (`bulletin`, test/fifth-kind/: its adapter
 * over a notice board with a wire format of its own), added the way a real one
 * is: one registry line. Nothing in src/ knows it, yet the gateway lists it,
 * merges its campaigns with the four others', reads them by id, honours what
 * it cannot do, and checks its config entries like the others'.
 */

interface ListedNode {
  id: string;
  name: string;
  createdAt: string | null;
  backend: { name: string; kind: string };
}

let references: ReferenceBackendSet<typeof FIVE_KINDS>;
let config: GatewayConfig;
let gateway: RunningGateway;

async function execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors?: { message: string; extensions: Record<string, unknown> }[] }> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

beforeAll(async () => {
  references = await startAllReferenceBackends({ kinds: FIVE_KINDS });
  config = parseConfig({ port: 0, host: '127.0.0.1', backends: references.configEntries() }, { kinds: FIVE_KINDS, env: {} });
  gateway = await startGatewayServer({ config, kinds: FIVE_KINDS, logger: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await gateway?.close();
  await references?.close();
});

const LIST = `query ($first: Int!, $after: String) {
  campaigns(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name createdAt backend { name kind } } }
}`;

async function walk(first: number): Promise<ListedNode[]> {
  const nodes: ListedNode[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page: { data: { campaigns: { nodes: ListedNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }; errors?: unknown } = await execute(LIST, { first, after });
    expect(page.errors).toBeUndefined();
    nodes.push(...page.data.campaigns.nodes);
    if (!page.data.campaigns.pageInfo.hasNextPage) return nodes;
    after = page.data.campaigns.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('a fifth backend kind, from its registry line alone', () => {
  it('is listed in backends with its kind and the capabilities its facets give', async () => {
    const { data, errors } = await execute('{ backends { name kind capabilities } }');
    expect(errors).toBeUndefined();
    expect(data.backends).toHaveLength(5);
    expect(data.backends.map((b: { kind: string }) => b.kind)).toEqual(['WORKSPACE', 'V2', 'SCHEMA_TYPE', 'TOUCHPOINT', 'BULLETIN']);
    expect(data.backends[4]).toEqual({ name: 'noticeboard', kind: 'BULLETIN', capabilities: ['CAMPAIGN_CREATE', 'CAMPAIGN_DELETE', 'DELIVERY_STATS'] });
  });

  it('has its campaigns merged in order with the four others’, every one once, page after page', async () => {
    const all = await walk(100);
    const paged = await walk(7);
    expect(paged.map((n) => n.id)).toEqual(all.map((n) => n.id));
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(new Set(all.map((n) => n.backend.kind))).toEqual(new Set(['WORKSPACE', 'V2', 'SCHEMA_TYPE', 'TOUCHPOINT', 'BULLETIN']));
    // Newest first, ties by global id (descending): the order is total.
    for (let i = 1; i < all.length; i += 1) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.createdAt! > b.createdAt! || (a.createdAt === b.createdAt && a.id > b.id), `${a.name} before ${b.name}`).toBe(true);
    }
    const bulletins = all.map((n, i) => [n, i] as const).filter(([n]) => n.backend.kind === 'BULLETIN');
    expect(bulletins.map(([n]) => n.name)).toContain('Water main works on Elm Road');
    expect(bulletins).toHaveLength(10);
    // Interleaved with the others, not appended after them.
    const [first, last] = [bulletins[0]![1], bulletins.at(-1)![1]];
    expect(all.slice(first, last).some((n) => n.backend.kind !== 'BULLETIN')).toBe(true);
  });

  it('reads one of its campaigns by node(id), with its counters and no touchpoints', async () => {
    const id = campaignGlobalId({ backend: 'noticeboard', nativeId: 'blt-1003' });
    const { data, errors } = await execute(
      'query ($id: ID!) { node(id: $id) { id ... on Campaign { name status rawStatus channels createdAt touchpoints { id } deliveryStats { sent delivered failed total } backend { name kind } } } }',
      { id },
    );
    expect(errors).toBeUndefined();
    expect(data.node).toEqual({
      id,
      name: 'Water main works on Elm Road',
      status: 'COMPLETED',
      rawStatus: 'posted',
      channels: ['SMS', 'PUSH'],
      createdAt: '2026-03-09T06:30:00.000Z',
      touchpoints: null,
      deliveryStats: { sent: 430, delivered: 428, failed: 2, total: null },
      backend: { name: 'noticeboard', kind: 'BULLETIN' },
    });
  });

  it('does what its facets let it (create, delete) and answers UNSUPPORTED, sending nothing, for what it lacks', async () => {
    const created = await execute('mutation { createCampaign(input: { backend: "noticeboard", name: "Street party", channels: [EMAIL] }) { id name status } }');
    expect(created.errors).toBeUndefined();
    expect(created.data.createCampaign).toMatchObject({ name: 'Street party', status: 'DRAFT' });
    const id = created.data.createCampaign.id as string;

    const board = references.bulletin;
    const before = board.requests.count();
    const update = await execute('mutation ($id: ID!) { updateCampaign(id: $id, input: { name: "Street party!" }) { id } }', { id });
    expect(update.errors).toMatchObject([
      { message: 'backend "noticeboard" does not support updating campaigns (CAMPAIGN_UPDATE)', extensions: { code: 'UNSUPPORTED', backend: 'noticeboard' } },
    ]);
    const touchpoint = await execute('mutation ($id: ID!) { createTouchpoint(input: { campaignId: $id, name: "Hi", type: MESSAGE }) { id } }', { id });
    expect(touchpoint.errors).toMatchObject([{ extensions: { code: 'UNSUPPORTED', backend: 'noticeboard' } }]);
    expect(touchpoint.errors![0]!.message).toContain('(TOUCHPOINT_WRITE)');
    expect(board.requests.count()).toBe(before);

    const deleted = await execute('mutation ($id: ID!) { deleteCampaign(id: $id) }', { id });
    expect(deleted).toEqual({ data: { deleteCampaign: id } });
    expect((await execute('query ($id: ID!) { campaign(id: $id) { id } }', { id })).data.campaign).toBeNull();
  });
});

describe('the fifth kind’s config entries', () => {
  const problems = (entry: Record<string, unknown>): string[] => {
    try {
      parseConfig({ backends: [entry] }, { kinds: FIVE_KINDS, env: {} });
    } catch (error) {
      return (error as ConfigError).problems;
    }
    return [];
  };
  const bulletin = { name: 'noticeboard', kind: 'bulletin', baseUrl: 'http://127.0.0.1:7005', accountId: 'acct-elm-street', apiSecret: 'bulletin-secret' };
  const touchpoint = { name: 'messaging', kind: 'touchpoint', baseUrl: 'http://127.0.0.1:7004', token: 'tp-token' };

  it('are checked with its own fields and the common ones, defaults filled in', () => {
    expect(problems(bulletin)).toEqual([]);
    const parsed = parseConfig({ backends: [bulletin] }, { kinds: FIVE_KINDS, env: {} });
    expect(parsed.backends[0]).toMatchObject({ ...bulletin, timeoutMs: 5000, retries: 2, maxConnections: 32 });
  });

  it('report a missing credential as a built-in kind’s do', () => {
    const { apiSecret: _apiSecret, ...withoutSecret } = bulletin;
    const { token: _token, ...withoutToken } = touchpoint;
    expect(problems(withoutSecret)).toEqual(['backends[0].apiSecret: required for kind bulletin']);
    expect(problems(withoutToken)).toEqual(['backends[0].token: required for kind touchpoint']);
  });

  it('report an unknown key, a typo or another kind’s credential, as a built-in kind’s do', () => {
    expect(problems({ ...bulletin, apiSecrte: 'x' })).toEqual(['backends[0].apiSecrte: unknown key (did you mean "apiSecret"?)']);
    expect(problems({ ...touchpoint, tokn: 'x' })).toEqual(['backends[0].tokn: unknown key (did you mean "token"?)']);
    expect(problems({ ...bulletin, token: 'x' })).toEqual(['backends[0].token: unknown key']);
    expect(problems({ ...touchpoint, accountId: 'x' })).toEqual(['backends[0].accountId: unknown key']);
  });

  it('keep its secret out of the log', () => {
    let out = '';
    const destination = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    createLogger({ pretty: false, destination, kinds: FIVE_KINDS }).info({ entry: bulletin }, 'a backend entry');
    expect(out).toContain('acct-elm-street');
    expect(out).not.toContain('bulletin-secret');
  });
});
