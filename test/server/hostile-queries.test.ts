import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';
import { webSocketSession } from './support/transports.js';

/**
 * Documents and requests built to make the gateway work too hard, or to
 * confuse it, are refused with a clear error before any backend is called, and
 * the gateway keeps serving normal queries afterwards.
 */
let gw: ListeningGateway;

beforeAll(async () => {
  gw = await startListeningGateway();
});
afterAll(async () => {
  await gw?.close();
});

const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);
const clearUpstream = () => gw.references.all.forEach((b) => b.requests.clear());

async function expectStillServing(): Promise<void> {
  const { status, body } = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 3) { nodes { id name } } }' });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect((body.data as { campaigns: { nodes: unknown[] } }).campaigns.nodes).toHaveLength(3);
}

describe('documents over a limit are refused before any backend is called', () => {
  it.each([
    {
      limit: 'maxDepth',
      // campaign → touchpoints → campaign → … : 12 levels against a limit of 10
      query: `{ campaign(id: "x") { ${'touchpoints { campaign { '.repeat(5)}id${' } }'.repeat(5)} } }`,
      message: /depth limit of 10 exceeded/,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      limit: 'maxAliases',
      query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: campaigns(first: 100) { totalCount }`).join(' ')} }`,
      message: /Aliases limit of 30 exceeded/i,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      limit: 'maxTokens',
      query: `{ backends { ${'name '.repeat(2001)}} }`,
      message: /Token limit of 2000 exceeded/,
      code: 'GRAPHQL_PARSE_FAILED',
    },
    {
      limit: 'maxCost',
      // 100 campaigns × 100 messages each: a fan-out of 10 000 rows and 100 upstream pages
      query: '{ campaigns(first: 100) { nodes { id messages(first: 100) { nodes { id recipient status } } } } }',
      message: /Cost limit of 20000 exceeded/,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      limit: 'maxDirectives',
      query: `{ backends { ${"... on Backend @include(if: true) { name } ".repeat(51)}} }`,
      message: /Directives limit of 50 exceeded/,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
  ])('$limit: 400 with a code, the limit named and no upstream call', async ({ limit, query, message, code }) => {
    clearUpstream();
    const { status, body } = await postGraphQL(gw.endpoint, { query });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.message).toMatch(message);
    expect(body.errors![0]!.message).not.toMatch(/^Syntax Error/);
    expect(body.errors![0]!.extensions).toMatchObject({ code, limit });
    expect(upstreamCalls()).toBe(0);
    await expectStillServing();
  });

  it('over WebSocket too: each refused with its limit named, and the socket stays open for the next operation', async () => {
    const session = webSocketSession(gw.endpoint, undefined);
    try {
      const deep = await session.run({ query: `{ campaign(id: "x") { ${'touchpoints { campaign { '.repeat(5)}id${' } }'.repeat(5)} } }` });
      expect(deep.errors?.[0]).toMatchObject({ message: expect.stringMatching(/depth limit of 10 exceeded/), extensions: { limit: 'maxDepth' } });
      const long = await session.run({ query: `{ backends { ${'name '.repeat(2001)}} }` });
      expect(long.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Token limit of 2000 exceeded/), extensions: { limit: 'maxTokens' } });
      const fine = await session.run({ query: '{ backends { name } }' });
      expect(fine.errors).toBeUndefined();
      expect(session.closeCode()).toBeUndefined();
    } finally {
      await session.dispose();
    }
  });

  it('lets a full page of 100 campaigns with every field, touchpoints and counters through', async () => {
    const { status, body } = await postGraphQL(gw.endpoint, {
      query: `{ campaigns(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes {
        id nativeId name description status rawStatus channels createdAt updatedAt scheduledAt enrollmentCount raw
        backend { name kind capabilities } touchpoints { id name type channel position } deliveryStats { total sent delivered failed updatedAt } } } }`,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses a first above 100 on every list', async () => {
    const v2Campaign = '{ campaigns(first: 1, filter: { backends: ["broadcast"] }) { nodes { id } } }';
    const { body: listed } = await postGraphQL(gw.endpoint, { query: v2Campaign });
    const id = (listed.data as { campaigns: { nodes: { id: string }[] } }).campaigns.nodes[0]!.id;
    for (const list of ['campaigns(first: 101) { totalCount }', `campaign(id: "${id}") { enrollments(first: 101) { totalCount } }`, `campaign(id: "${id}") { messages(first: 101) { totalCount } }`]) {
      const { body } = await postGraphQL(gw.endpoint, { query: `{ ${list} }` });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});

describe('requests the GraphQL-over-HTTP way forbids are refused', () => {
  it('a body over 1 MiB: 413 by Content-Length, before it is read', async () => {
    const padding = 'x'.repeat(1024 * 1024);
    const { status, body } = await postGraphQL(gw.endpoint, { query: '{ backends { name } }', variables: { padding } });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_ENTITY_TOO_LARGE' });
    await expectStillServing();
  });

  it('a chunked body that grows over 1 MiB: 413 while streaming', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query":"{ backends { name } }","x":"'));
        if (sent > 2 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(gw.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    // The unread rest of the body must not poison the connection for the requests after it.
    expect(response.headers.get('connection')).toBe('close');
    for (let i = 0; i < 4; i += 1) await expectStillServing();
  });

  it('malformed JSON: 400', async () => {
    const response = await fetch(gw.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{"query": "{ backends { name } }"',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toMatch(/invalid JSON/i);
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    await expectStillServing();
  });

  it('an unsupported content type: 415', async () => {
    const response = await fetch(gw.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', accept: 'application/graphql-response+json' },
      body: '<query>{ backends { name } }</query>',
    });
    expect(response.status).toBe(415);
    await expectStillServing();
  });

  it('a mutation over GET: 405 with Allow: POST, and nothing is written', async () => {
    clearUpstream();
    const query = 'mutation { createCampaign(input: { backend: "growth", name: "via GET" }) { id } }';
    const response = await fetch(`${gw.endpoint}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/graphql-response+json' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(upstreamCalls()).toBe(0);
    await expectStillServing();
  });

  it('a batched array body: 400, none of the operations run', async () => {
    clearUpstream();
    const response = await fetch(gw.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify([{ query: '{ campaigns(first: 1) { totalCount } }' }, { query: '{ campaigns(first: 2) { totalCount } }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/batching is not supported/i);
    expect(upstreamCalls()).toBe(0);
    await expectStillServing();
  });
});
