import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/model/global-id.js';
import { checkJsonBounds, MAX_JSON_BYTES } from '../../src/schema/json-bounds.js';
import { startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';
import { webSocketSession } from './support/transports.js';

/**
 * The exact codes of inputs that used to get the wrong one, and no internal
 * extension on any transport: each bad input is the client's (`BAD_USER_INPUT`
 * or a 4xx refusal) and costs nothing upstream.
 */
let gw: ListeningGateway;
beforeAll(async () => {
  gw = await startListeningGateway({ production: true });
});
afterAll(() => gw?.close());

const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);
const clearUpstream = () => gw.references.all.forEach((b) => b.requests.clear());

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** A POST answered as `accept: application/json` asks (the legacy media type). */
async function post(body: unknown, accept = 'application/json'): Promise<Answer> {
  const response = await fetch(gw.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const growthId = encodeGlobalId('Campaign', ['growth', 'cmp_welcome_series']);
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('codes', () => {
  it.each([
    ['campaign(id:)', 'query ($id: ID!) { campaign(id: $id) { id } }', 'id'],
    ['node(id:)', 'query ($id: ID!) { node(id: $id) { id } }', 'id'],
    ['deleteCampaign(id:)', 'mutation ($id: ID!) { deleteCampaign(id: $id) }', 'id'],
  ])('an id with a lone surrogate in %s is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async (_what, query, field) => {
    clearUpstream();
    const id = encodeGlobalId('Campaign', ['growth', 'cmp_\ud800x']);
    const { body } = await post({ query, variables: { id } });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(upstreamCalls()).toBe(0);
  });

  it('an id naming a backend that is not configured is BAD_USER_INPUT in queries and mutations', async () => {
    const id = encodeGlobalId('Campaign', ['retired', '1']);
    for (const query of ['query ($id: ID!) { campaign(id: $id) { id } }', 'mutation ($id: ID!) { deleteCampaign(id: $id) }']) {
      const { body } = await post({ query, variables: { id } });
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });

  it.each([
    ['nested 5000 levels deep', () => deepJson(5000), 'nested deeper than 32 levels'],
    ['nested 33 levels deep', () => deepJson(33), 'nested deeper than 32 levels'],
    ['larger than 256 KiB', () => JSON.stringify({ body: 'x'.repeat(MAX_JSON_BYTES) }), `larger than ${MAX_JSON_BYTES} bytes`],
  ])('settings %s is BAD_USER_INPUT on input.settings, with no upstream call', async (_what, settings, message) => {
    clearUpstream();
    const query = 'mutation ($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id } }';
    const { body } = await post(`{"query": ${JSON.stringify(query)}, "variables": {"id": "${growthId}", "input": {"settings": ${settings()}}}}`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.settings' });
    expect(body.errors![0]!.message).toContain(message);
    expect(upstreamCalls()).toBe(0);
  });

  it('32 levels of JSON and 256 KiB are accepted, one more is not', () => {
    expect(() => checkJsonBounds(JSON.parse(deepJson(32)))).not.toThrow();
    expect(() => checkJsonBounds(JSON.parse(deepJson(33)))).toThrow('nested deeper than 32 levels');
    expect(() => checkJsonBounds('x'.repeat(MAX_JSON_BYTES - 2))).not.toThrow();
    expect(() => checkJsonBounds('x'.repeat(MAX_JSON_BYTES - 1))).toThrow(`larger than ${MAX_JSON_BYTES} bytes`);
  });

  it.each([
    ['an unknown input field', { f: { statu: ['ACTIVE'] } }, 'filter'],
    ['an unknown enum value', { f: { status: ['ACTIV'] } }, 'filter.status[0]'],
    ['a value of the wrong type', { f: { nameContains: 5 } }, 'filter.nameContains'],
  ])('a variable with %s is BAD_USER_INPUT naming its field', async (_what, variables, field) => {
    const { status, body } = await post({ query: 'query ($f: CampaignFilter) { campaigns(filter: $f) { totalCount } }', variables });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('a missing required variable is BAD_USER_INPUT', async () => {
    const { body } = await post({ query: 'query ($id: ID!) { campaign(id: $id) { id } }' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it.each([
    ['campaigns(first: 1000000000)', '{ campaigns(first: 1000000000) { nodes { id } } }'],
    ['a nested messages(first: 1000000000)', '{ campaigns(first: 2, filter: { backends: ["broadcast"] }) { nodes { messages(first: 1000000000) { nodes { id } } } } }'],
  ])('%s is BAD_USER_INPUT on first, not the cost limit', async (_what, query) => {
    clearUpstream();
    const { body } = await post({ query });
    const codes = body.errors!.map((e) => e.extensions);
    expect(codes[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(codes.some((e) => e?.limit === 'maxCost')).toBe(false);
  });
});

describe('limit refusals answer 400 whatever the client accepts', () => {
  const refusals: [string, string][] = [
    ['maxDepth', `{ campaign(id: "x") { ${'touchpoints { campaign { '.repeat(5)}id${' } }'.repeat(5)} } }`],
    ['maxAliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: backends { name }`).join(' ')} }`],
    ['maxTokens', `{ backends { ${'name '.repeat(2001)}} }`],
    ['maxCost', '{ campaigns(first: 100) { nodes { id messages(first: 100) { nodes { id recipient status } } } } }'],
    ['maxDirectives', `{ backends { ${'... on Backend @include(if: true) { name } '.repeat(51)}} }`],
    ['maxDocumentBytes', `{ backends { name } } # ${'x'.repeat(70 * 1024)}`],
  ];
  for (const accept of ['application/json', 'application/graphql-response+json']) {
    it.each(refusals)(`${accept}: %s`, async (limit, query) => {
      clearUpstream();
      const { status, body } = await post({ query }, accept);
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions).toMatchObject({ limit });
      expect(body.errors![0]!.extensions).not.toHaveProperty('http');
      expect(upstreamCalls()).toBe(0);
    });
  }
});

describe('no internal extensions', () => {
  it('the 400 for a body that is not JSON carries no originalError, for either media type', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const { status, body } = await post('{"query": ', accept);
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions).toEqual({ code: 'BAD_REQUEST' });
    }
  });

  it('over WebSocket: no extensions.http on limit refusals, validation or input errors, and a comment-only document past the size limit is refused unparsed', async () => {
    const session = webSocketSession(gw.endpoint, undefined);
    try {
      const answers = [
        await session.run({ query: `{ backends { ${'name '.repeat(2001)}} }` }),
        await session.run({ query: `{ campaign(id: "x") { ${'touchpoints { campaign { '.repeat(5)}id${' } }'.repeat(5)} } }` }),
        await session.run({ query: '{ nope }' }),
        await session.run({ query: 'query ($id: ID!) { campaign(id: $id) { id } }' }),
        await session.run({ query: `# ${'x'.repeat(500 * 1024)}\n{ backends { name } }` }),
      ];
      for (const answer of answers) {
        expect(answer.errors?.length).toBeGreaterThan(0);
        for (const error of answer.errors!) {
          expect(error.extensions?.code).toEqual(expect.any(String));
          expect(error.extensions).not.toHaveProperty('http');
          expect(error.extensions).not.toHaveProperty('originalError');
        }
      }
      expect(answers[4]!.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', limit: 'maxDocumentBytes' });
    } finally {
      await session.dispose();
    }
  });
});
