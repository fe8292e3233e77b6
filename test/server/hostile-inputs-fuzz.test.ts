import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignGlobalId, encodeGlobalId } from '../../src/model/global-id.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { KINDS, NAME_OF_KIND } from '../support/backend-kinds.js';

/**
 * Thousands of generated inputs (ids, cursors, filters, page sizes, JSON
 * inputs) through the whole gateway against the reference backends. None may
 * get a 5xx, an INTERNAL_SERVER_ERROR or anything that looks like a stack;
 * every error carries a code; and an input the gateway itself refuses
 * (`BAD_USER_INPUT` naming no backend, or a refused document) is refused
 * before any upstream call, counted in the backends' request logs.
 */
let harness: GatewayHarness;
let realCursor: string;
let realChildCursor: string;

const BACKENDS = KINDS.map((kind) => NAME_OF_KIND[kind]);
const REAL_CAMPAIGNS = [
  campaignGlobalId({ backend: 'growth', nativeId: 'cmp_welcome_series' }),
  campaignGlobalId({ backend: 'broadcast', nativeId: '388' }),
  campaignGlobalId({ backend: 'contact-center', nativeId: 'cmp_spring_upsell' }),
  campaignGlobalId({ backend: 'messaging', nativeId: 'cmp_5eed00000000000000000003' }),
];

beforeAll(async () => {
  harness = await startGatewayHarness();
  const list = await harness.execute<{ campaigns: { pageInfo: { endCursor: string } } }>('{ campaigns(first: 3) { pageInfo { endCursor } } }');
  realCursor = list.data!.campaigns.pageInfo.endCursor;
  const child = await harness.execute<{ campaign: { messages: { pageInfo: { endCursor: string } } } }>(
    'query ($id: ID!) { campaign(id: $id) { messages(first: 1) { pageInfo { endCursor } } } }',
    { id: REAL_CAMPAIGNS[1] },
  );
  realChildCursor = child.data!.campaign.messages.pageInfo.endCursor;
});
afterAll(() => harness.close());

/** One UTF-16 unit of any kind, lone surrogates included. */
const anyUnit = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) },
);
const anyText = (maxLength: number) => fc.string({ unit: anyUnit, maxLength });
const longText = fc.integer({ min: 1000, max: 30_000 }).map((n) => 'x'.repeat(n));
const base64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A part of a native key: anything, something long, or a real-looking id. */
const keyPart = fc.oneof(anyText(30), longText, fc.constantFrom('388', 'cmp_welcome_series', '0385', '-1', 'a\ud800b', '\udfff', '.', '..', '%2e%2e'));
/** The key parts after the backend name each node type has (one more or less now and then). */
const PARTS = { Campaign: 1, Touchpoint: 2, Enrollment: 2, Message: 2, Backend: 1 } as const;
const wellShapedId = fc
  .tuple(
    fc.constantFrom(...(Object.keys(PARTS) as (keyof typeof PARTS)[])),
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BACKENDS) }, { weight: 1, arbitrary: fc.constantFrom('retired', '') }, { weight: 1, arbitrary: anyText(20) }),
    fc.array(keyPart, { minLength: 3, maxLength: 3 }),
    fc.integer({ min: -1, max: 1 }),
  )
  .map(([type, backend, parts, off]) => base64([type, backend, ...parts.slice(0, Math.max(0, PARTS[type] + (off === 1 ? 1 : 0)))]));

const idArb = fc.oneof(
  { weight: 1, arbitrary: anyText(80) },
  { weight: 1, arbitrary: longText },
  { weight: 1, arbitrary: fc.constantFrom(...REAL_CAMPAIGNS) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(base64) },
  { weight: 6, arbitrary: wellShapedId },
);

const mutate = (text: string, at: number, unit: string) => {
  const i = at % Math.max(1, text.length);
  return text.slice(0, i) + unit + text.slice(i + 1);
};
const cursorArb = fc.oneof(
  anyText(120),
  longText,
  fc.jsonValue({ maxDepth: 3 }).map((value) => `${base64(value)}.${'A'.repeat(22)}`),
  fc.tuple(fc.nat(), anyUnit).map(([at, unit]) => mutate(realCursor, at, unit)),
  fc.tuple(fc.nat(), anyUnit).map(([at, unit]) => mutate(realChildCursor, at, unit)),
  fc.constantFrom(() => realCursor, () => realChildCursor).map((cursor) => cursor()),
);

const STATUSES = ['DRAFT', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'COMPLETED', 'FAILED', 'ARCHIVED', 'UNKNOWN'];
const CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP', 'VOICE', 'FAX', 'PUSH', 'TELEGRAM', 'ON_SITE'];
const listOf = (values: string[]) => fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: anyText(12) }), { maxLength: 130 });
const filterArb = fc.record(
  {
    backends: listOf(BACKENDS),
    status: listOf(STATUSES),
    channels: listOf(CHANNELS),
    nameContains: fc.oneof(anyText(40), longText),
    createdAfter: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anyText(30)),
    createdBefore: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anyText(30)),
    statu: fc.constant(['ACTIVE']),
  },
  { requiredKeys: [] },
);
const firstArb = fc.oneof(fc.integer({ min: -3, max: 130 }), fc.integer(), fc.constant(1_000_000_000), fc.double(), fc.constant('10'));

/** JSON text of an input value: small documents, deep nesting and large ones (written by hand: JSON.stringify would recurse). */
const jsonTextArb = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.integer({ min: 20, max: 5000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 5000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 200_000, max: 400_000 }).map((n) => JSON.stringify({ body: 'x'.repeat(n) })) },
  { weight: 2, arbitrary: anyText(200).map((text) => JSON.stringify({ text })) },
);

interface Counted {
  runs: number;
  refused: number;
}
const counted: Counted = { runs: 0, refused: 0 };

type UpstreamRequest = ReturnType<GatewayHarness['upstreamRequests']>[number];

/**
 * Sends one request body and checks what came back and what it cost upstream.
 * `needed` names the upstream reads the operation makes whatever the input
 * (the campaign a child list hangs off); a refused input may cost nothing else.
 */
async function probe(body: string, needed: (request: UpstreamRequest) => boolean = () => false): Promise<void> {
  harness.clearUpstreamRequests();
  const response = await harness.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  const text = await response.text();
  counted.runs += 1;
  expect(response.status, text).toBeLessThan(500);
  expect(text).not.toContain('INTERNAL_SERVER_ERROR');
  expect(text).not.toMatch(/"stack(trace)?"|\n\s+at |\bat [\w$.<>]+ \(/);
  const result = JSON.parse(text) as { errors?: { extensions?: Record<string, unknown> }[] };
  for (const error of result.errors ?? []) expect(error.extensions?.code, text).toEqual(expect.any(String));
  const refusedHere = (result.errors ?? []).some((error) => {
    const code = String(error.extensions?.code);
    return (code === 'BAD_USER_INPUT' && !error.extensions?.backend) || code.startsWith('GRAPHQL_') || code === 'BAD_REQUEST';
  });
  if (refusedHere) {
    counted.refused += 1;
    expect(harness.upstreamRequests().filter((r) => !needed(r)), text).toEqual([]);
  }
}

const request = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

describe('generated hostile inputs', () => {
  it('ids: in campaign, node, touchpoint, nodes and a mutation', async () => {
    const queries = [
      'query ($id: ID!) { campaign(id: $id) { id name } }',
      'query ($id: ID!) { node(id: $id) { id } }',
      'query ($id: ID!) { touchpoint(id: $id) { id } }',
      'query ($id: ID!) { nodes(ids: [$id]) { id } }',
      'mutation ($id: ID!) { updateCampaign(id: $id, input: { description: "fuzz" }) { id } }',
    ];
    await fc.assert(fc.asyncProperty(idArb, fc.nat(queries.length - 1), (id, q) => probe(request(queries[q]!, { id }))), { numRuns: 700 });
  });

  it('cursors: campaigns, messages and enrollments', async () => {
    const queries = [
      'query ($c: String) { campaigns(first: 3, after: $c) { nodes { id } pageInfo { endCursor } } }',
      'query ($c: String) { campaigns(first: 2, after: $c, orderBy: { field: NAME, direction: ASC }) { nodes { id } } }',
      `query ($c: String) { campaign(id: "${REAL_CAMPAIGNS[1]}") { messages(first: 2, after: $c) { nodes { id } } enrollments(first: 2, after: $c) { nodes { contactId } } } }`,
    ];
    // The child lists hang off one v2 campaign: reading it (getAll) is not the cursor's cost.
    const campaignRead = (r: UpstreamRequest) => r.backend === 'broadcast' && r.path.endsWith('/getAll');
    await fc.assert(fc.asyncProperty(cursorArb, fc.nat(queries.length - 1), (c, q) => probe(request(queries[q]!, { c }), campaignRead)), { numRuns: 600 });
  });

  it('filters and page sizes', async () => {
    const query = 'query ($f: CampaignFilter, $n: Int) { campaigns(first: $n, filter: $f) { totalCount nodes { id } } }';
    await fc.assert(fc.asyncProperty(filterArb, firstArb, (f, n) => probe(request(query, { f, n }))), { numRuns: 600 });
  });

  it('JSON inputs: settings, message and config', async () => {
    const bodies = [
      (json: string) => `{"query": "mutation ($i: UpdateCampaignInput!) { updateCampaign(id: \\"${REAL_CAMPAIGNS[0]}\\", input: $i) { id } }", "variables": {"i": {"settings": ${json}}}}`,
      (json: string) =>
        `{"query": "mutation ($i: UpdateTouchpointInput!) { updateTouchpoint(id: \\"${encodeGlobalId('Touchpoint', ['growth', 'cmp_welcome_series', 'node_missing'])}\\", input: $i) { id } }", "variables": {"i": {"config": ${json}, "message": ${json}}}}`,
      (json: string) => `{"query": "mutation ($m: JSON) { createTouchpoint(input: { campaignId: \\"${REAL_CAMPAIGNS[2]}\\", name: \\"x\\", type: MESSAGE, message: $m }) { id } }", "variables": {"m": ${json}}}`,
    ];
    await fc.assert(fc.asyncProperty(jsonTextArb, fc.nat(bodies.length - 1), (json, b) => probe(bodies[b]!(json))), { numRuns: 400 });
  });

  afterAll(() => {
    console.info(`${counted.runs} generated requests, ${counted.refused} refused by the gateway before any upstream call`);
  });
});
