import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';

/**
 * A web page can make a browser POST a form (urlencoded or multipart) or
 * text/plain to any origin without a CORS preflight. The probe ran
 * `createCampaign` through a form POST; such POSTs are now refused with 403
 * before anything is parsed, unless they carry `x-graphql-yoga-csrf` (which a
 * page can only send after a preflight). JSON POSTs, GETs and SSE work as before.
 */
let gw: ListeningGateway;
beforeAll(async () => {
  gw = await startListeningGateway();
});
afterAll(() => gw?.close());

const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);
const MUTATION = 'mutation { createCampaign(input: { backend: "messaging", name: "Via a form", channels: [EMAIL] }) { id } }';

function multipart(query: string): { body: string; type: string } {
  const boundary = '----csrfprobe';
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query })}\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{}\r\n--${boundary}--\r\n`,
  };
}

describe('POSTs a page can send without a preflight', () => {
  it.each([
    ['application/x-www-form-urlencoded', () => ({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams({ query: MUTATION }).toString() })],
    ['multipart/form-data', () => multipart(MUTATION)],
    ['text/plain', () => ({ type: 'text/plain;charset=UTF-8', body: JSON.stringify({ query: MUTATION }) })],
  ])('%s: 403 with a code, and nothing is written', async (_type, make) => {
    gw.references.all.forEach((b) => b.requests.clear());
    const { type, body } = make();
    const response = await fetch(gw.endpoint, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body });
    expect(response.status).toBe(403);
    const answer = (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(answer.data).toBeUndefined();
    expect(answer.errors[0]!.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(answer.errors[0]!.message).toContain('x-graphql-yoga-csrf');
    expect(upstreamCalls()).toBe(0);
  });

  it('with the x-graphql-yoga-csrf header (only sent after a preflight) a form POST is let through', async () => {
    const response = await fetch(gw.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      body: new URLSearchParams({ query: '{ backends { name } }' }).toString(),
    });
    expect(response.status).toBe(200);
  });
});

describe('what browsers preflight, and reads', () => {
  it('JSON POSTs, GET queries and SSE subscriptions over GET still work', async () => {
    const post = await postGraphQL(gw.endpoint, { query: '{ backends { name } }' });
    expect(post.status).toBe(200);
    const get = await fetch(`${gw.endpoint}?query=${encodeURIComponent('{ backends { name } }')}`, { headers: { accept: 'application/graphql-response+json' } });
    expect(get.status).toBe(200);
    const abort = new AbortController();
    const ids = (post.body.data!.backends as { name: string }[]).map((b) => b.name);
    expect(ids).toContain('broadcast');
    const list = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 1, filter: { backends: ["broadcast"] }) { nodes { id } } }' });
    const id = (list.body.data!.campaigns as { nodes: { id: string }[] }).nodes[0]!.id;
    const sse = await fetch(`${gw.endpoint}?query=${encodeURIComponent('subscription ($id: ID!) { deliveryStats(campaignId: $id) { sent } }')}&variables=${encodeURIComponent(JSON.stringify({ id }))}`, {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    abort.abort();
    await sse.body?.cancel().catch(() => {});
  });
});
