import { afterEach, describe, expect, it } from 'vitest';
import { postGraphQL, startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';
import { webSocketSession } from './support/transports.js';

/**
 * Introspection and GraphiQL follow the config, whose defaults turn both off
 * under NODE_ENV=production. With introspection off, validation errors stop
 * suggesting field names too, so the schema cannot be guessed piece by piece.
 */
let gw: ListeningGateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

const INTROSPECTION = '{ __schema { queryType { name } } }';
const TYPE_PROBE = '{ __type(name: "Campaign") { fields { name } } }';

async function graphiql(url: string): Promise<{ status: number; html: boolean }> {
  const response = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
  const text = await response.text();
  return { status: response.status, html: (response.headers.get('content-type') ?? '').includes('text/html') && /graphiql/i.test(text) };
}

describe('outside production (defaults)', () => {
  it('answers introspection, serves GraphiQL and suggests field names', async () => {
    gw = await startListeningGateway();
    const { status, body } = await postGraphQL(gw.endpoint, { query: INTROSPECTION });
    expect(status).toBe(200);
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(await graphiql(gw.url)).toEqual({ status: 200, html: true });
    const typo = await postGraphQL(gw.endpoint, { query: '{ campaigns { nodez { id } } }' });
    expect(typo.body.errors?.[0]?.message).toMatch(/Did you mean "nodes"\?/);
  });
});

describe('under NODE_ENV=production (defaults)', () => {
  it('refuses __schema and __type with 400 on HTTP and WebSocket, keeps __typename', async () => {
    gw = await startListeningGateway({ production: true });
    for (const query of [INTROSPECTION, TYPE_PROBE]) {
      const { status, body } = await postGraphQL(gw.endpoint, { query });
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection has been disabled/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    const session = webSocketSession(gw.endpoint, undefined);
    try {
      const overSocket = await session.run({ query: INTROSPECTION });
      expect(overSocket.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    } finally {
      await session.dispose();
    }
    const typename = await postGraphQL(gw.endpoint, { query: '{ __typename }' });
    expect(typename).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('serves no GraphiQL page', async () => {
    gw = await startListeningGateway({ production: true });
    expect((await graphiql(gw.url)).html).toBe(false);
  });

  it('hides field suggestions', async () => {
    gw = await startListeningGateway({ production: true });
    const typo = await postGraphQL(gw.endpoint, { query: '{ campaigns { nodez { id } } }' });
    expect(typo.status).toBe(400);
    expect(typo.body.errors?.[0]?.message).toMatch(/Cannot query field "nodez"/);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('turns both back on when the config says so', async () => {
    gw = await startListeningGateway({ production: true, config: { introspection: true, graphiql: true } });
    expect((await postGraphQL(gw.endpoint, { query: INTROSPECTION })).status).toBe(200);
    expect((await graphiql(gw.url)).html).toBe(true);
  });
});
