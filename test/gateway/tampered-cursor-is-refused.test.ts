import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorSigner } from '../../src/gateway/cursor-signer.js';
import { createGateway, type Gateway } from '../../src/server/create-gateway.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

/**
 * Cursors are signed (HMAC) with the cursor key. A cursor changed by a client,
 * or signed with another key, is `BAD_USER_INPUT` on `after` before anything
 * is sent upstream; replicas sharing `cursorSecret` accept each other's
 * cursors. Even a correctly signed cursor whose resume offset points far
 * beyond a backend's data costs that backend only a few searches.
 */
const SECRET = 'cursor-secret-for-tests-0123456789abcdef';
let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness({ config: { cursorSecret: SECRET } });
});
afterAll(() => harness.close());

const LIST = 'query ($after: String) { campaigns(first: 3, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }';
const upstreamCalls = () => harness.upstreamRequests().length;

async function page(gateway: Gateway, after: string | null) {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: LIST, variables: { after } }),
  });
  return (await response.json()) as { data?: { campaigns: { nodes: { id: string }[]; pageInfo: { endCursor: string } } } | null; errors?: { extensions?: Record<string, unknown> }[] };
}

/** A cursor's payload as JSON, and a way to put a changed payload back under the same tag. */
const payloadOf = (cursor: string) => JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8'));
const withPayload = (cursor: string, payload: unknown) => `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${cursor.split('.')[1]}`;

async function firstEndCursor(): Promise<string> {
  const first = await page(harness.gateway, null);
  expect(first.errors).toBeUndefined();
  const cursor = first.data!.campaigns.pageInfo.endCursor;
  expect(payloadOf(cursor).r).toHaveProperty('contact-center');
  return cursor;
}

describe('a campaigns cursor', () => {
  it('with the contact-center resume offset changed to 999999999999999 is BAD_USER_INPUT on after, and nothing is sent upstream', async () => {
    const cursor = await firstEndCursor();
    const payload = payloadOf(cursor);
    const tampered = withPayload(cursor, { ...payload, r: { ...payload.r, 'contact-center': '999999999999999' } });
    harness.clearUpstreamRequests();
    const answer = await page(harness.gateway, tampered);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(upstreamCalls()).toBe(0);
  });

  it.each([
    ['a changed position', (cursor: string) => withPayload(cursor, { ...payloadOf(cursor), a: [null, 'x'] })],
    ['no signature', (cursor: string) => cursor.split('.')[0]!],
    ['the signature of another cursor', (cursor: string) => `${cursor.split('.')[0]}.${'A'.repeat(22)}`],
    ['the old unsigned format', (cursor: string) => Buffer.from(JSON.stringify({ v: 1, ...payloadOf(cursor) })).toString('base64url')],
    ['a lone surrogate', () => 'eyJ2Ijoy\ud800.AAAA'],
    ['20 000 characters', () => 'A'.repeat(20_000)],
  ])('with %s is BAD_USER_INPUT on after, and nothing is sent upstream', async (_what, change) => {
    const cursor = await firstEndCursor();
    harness.clearUpstreamRequests();
    const answer = await page(harness.gateway, change(cursor));
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(upstreamCalls()).toBe(0);
  });

  it('signed by this key but pointing far past the data costs the contact-center backend a few searches, not thousands', async () => {
    const cursor = await firstEndCursor();
    const payload = payloadOf(cursor);
    const forged = new CursorSigner(SECRET).sign('campaigns', { ...payload, r: { ...payload.r, 'contact-center': '999999999999999' } });
    harness.clearUpstreamRequests();
    const answer = await page(harness.gateway, forged);
    expect(answer.errors).toBeUndefined();
    const searches = harness.upstreamRequests().filter((r) => r.backend === 'contact-center').length;
    console.info(`contact-center searches for a signed cursor at offset 999999999999999: ${searches}`);
    expect(searches).toBeGreaterThan(0);
    expect(searches).toBeLessThanOrEqual(6);
  });

  it('from a replica with the same cursorSecret continues the same list; from one with its own key it is BAD_USER_INPUT', async () => {
    const logger = pino({ level: 'silent' });
    const replica = createGateway({ backends: harness.adapters, live: harness.hub, config: { ...harness.config, cursorSecret: SECRET }, logger });
    const stranger = createGateway({ backends: harness.adapters, live: harness.hub, config: { ...harness.config, cursorSecret: undefined }, logger });
    const cursor = await firstEndCursor();
    const here = await page(harness.gateway, cursor);
    const there = await page(replica, cursor);
    expect(there.errors).toBeUndefined();
    expect(there.data!.campaigns.nodes).toEqual(here.data!.campaigns.nodes);
    harness.clearUpstreamRequests();
    const refused = await page(stranger, cursor);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(upstreamCalls()).toBe(0);
  });
});

describe('a child-list cursor (messages, enrollments)', () => {
  it('changed by the client is BAD_USER_INPUT on after, and nothing is sent upstream', async () => {
    const query = `query ($after: String) { campaigns(first: 1, filter: { backends: ["broadcast"] }) { nodes { messages(first: 1, after: $after) { pageInfo { endCursor } } } } }`;
    harness.clearUpstreamRequests();
    const first = await harness.execute<{ campaigns: { nodes: { messages: { pageInfo: { endCursor: string } } }[] } }>(query, { after: null });
    const cursor = first.data!.campaigns.nodes[0]!.messages.pageInfo.endCursor;
    const [position] = payloadOf(cursor) as [string | null, number];
    const skipped = withPayload(cursor, [position, 5000]);
    const answer = await harness.execute(query, { after: skipped });
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // The campaign list itself was read; the messages were not.
    expect(harness.upstreamRequests().filter((r) => r.path.includes('getCampMsgs'))).toHaveLength(1);
  });
});
