import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';
import { overPost, overSse, webSocketSession, type Transport, type TransportResult } from './support/transports.js';

/**
 * With introspection off (the default under NODE_ENV=production), no error
 * says "Did you mean …?", over any transport: not for fields, arguments, types,
 * enum values, inline fragments or variable values. Each error keeps its code
 * and the rest of its message. In development the suggestions stay.
 */
const PROBES: { what: string; query: string; variables?: Record<string, unknown>; code: string }[] = [
  { what: 'a field', query: '{ campaigns(first: 1) { nodez { id } } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { what: 'an argument', query: '{ campaigns(fist: 1) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { what: 'a type', query: 'query ($f: CampaignFiltr) { campaigns(filter: $f) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { what: 'an enum literal', query: '{ campaigns(filter: { status: [ACTIV] }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { what: 'an inline fragment', query: '{ node(id: "x") { name } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    what: 'a variable’s input field',
    query: 'query ($f: CampaignFilter) { campaigns(filter: $f) { totalCount } }',
    variables: { f: { statu: ['ACTIVE'] } },
    code: 'BAD_USER_INPUT',
  },
  {
    what: 'a variable’s enum value',
    query: 'query ($f: CampaignFilter) { campaigns(filter: $f) { totalCount } }',
    variables: { f: { status: ['ACTIV'] } },
    code: 'BAD_USER_INPUT',
  },
  {
    what: 'a subscription’s variable',
    query: 'subscription ($id: ID!) { deliveryStats(campaignId: $id) { sent } }',
    variables: { id: { statu: 1 } },
    code: 'BAD_USER_INPUT',
  },
];

function expectNoSuggestion(result: TransportResult, code: string): void {
  expect(result.errors?.length).toBeGreaterThan(0);
  for (const error of result.errors!) {
    expect(error.message).not.toMatch(/did you mean/i);
    expect(error.extensions?.code).toBe(code);
    expect(error.extensions).not.toHaveProperty('http');
  }
}

describe('in production', () => {
  let gw: ListeningGateway;
  const transports: [string, () => Transport][] = [
    ['HTTP', () => overPost(gw.endpoint, {})],
    ['SSE', () => overSse(gw.endpoint, {})],
  ];
  beforeAll(async () => {
    gw = await startListeningGateway({ production: true });
  });
  afterAll(() => gw?.close());

  for (const [name, transport] of transports) {
    it.each(PROBES)(`${name}: $what has no suggestion`, async ({ query, variables, code }) => {
      expectNoSuggestion(await transport()({ query, variables }), code);
    });
  }

  it.each(PROBES)('WebSocket: $what has no suggestion', async ({ query, variables, code }) => {
    const session = webSocketSession(gw.endpoint, undefined);
    try {
      expectNoSuggestion(await session.run({ query, variables }), code);
    } finally {
      await session.dispose();
    }
  });
});

describe('in development', () => {
  let gw: ListeningGateway;
  beforeAll(async () => {
    gw = await startListeningGateway({ production: false });
  });
  afterAll(() => gw?.close());

  it('the suggestions stay, to help whoever writes the query', async () => {
    const result = await overPost(gw.endpoint, {})({ query: PROBES[3]!.query });
    expect(result.errors![0]!.message).toContain('Did you mean the enum value "ACTIVE"?');
    const variable = await overPost(gw.endpoint, {})({ query: PROBES[5]!.query, variables: PROBES[5]!.variables });
    expect(variable.errors![0]!.message).toContain('Did you mean "status"?');
  });
});
