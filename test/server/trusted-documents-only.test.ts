import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, GetCampaignDocument, ListCampaignsDocument } from '../../src/client/index.js';
import { ConfigError, parseConfig } from '../../src/config/load-config.js';
import { loadTrustedDocuments } from '../../src/server/plugins/use-trusted-documents.js';
import { expectClientError } from '../client/support/expect-client-error.js';
import { postGraphQL, startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';

/** The manifest codegen writes for the application client's operations. */
const MANIFEST = 'src/client/generated/persisted-documents.json';
const UNKNOWN_ID = `sha256:${'0'.repeat(64)}`;
const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;

function upstreamCount(gateway: ListeningGateway): number {
  return gateway.references.all.reduce((n, b) => n + b.requests.list().length, 0);
}

/** Runs one operation over graphql-transport-ws and answers its first result (or its errors). */
async function overWebSocket(gateway: ListeningGateway, payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> }) {
  const client = createWsClient({ url: gateway.endpoint.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  const iterator = client.iterate(payload);
  try {
    return (await iterator.next()).value as { data?: any; errors?: any[] };
  } catch (errors) {
    return { errors: errors as any[] };
  } finally {
    await iterator.return?.();
    await client.dispose();
  }
}

describe('with trustedDocuments and allowArbitrary: false', () => {
  let gateway: ListeningGateway;

  beforeAll(async () => {
    gateway = await startListeningGateway({ config: { trustedDocuments: { file: MANIFEST, allowArbitrary: false } } });
  });
  afterAll(() => gateway?.close());

  it('the persisted client works: queries, mutations and live counts by documentId', async () => {
    const client = createClient({ url: gateway.endpoint, persisted: true, defaultBackend: 'messaging' });
    const { data } = await client.campaign.list({ limit: 3 });
    expect(data).toHaveLength(3);
    expect((await client.campaign.get(data[0]!._id))._id).toBe(data[0]!._id);
    const made = await client.campaign.create({ name: 'Trusted only', channel_type: 'sms' });
    await client.campaign.delete(made._id);
    const [broadcast] = (await client.campaign.list({ backend: 'broadcast', limit: 1 })).data;
    for await (const stats of client.campaign.watchDeliveryStats(broadcast!._id)) {
      expect(typeof stats.sent).toBe('number');
      break;
    }
    expect((await client.request(ListCampaignsDocument, { first: 1 })).campaigns.nodes).toHaveLength(1);
  });

  it('a query sent as text is PERSISTED_QUERY_ONLY (4xx) over POST, GET, SSE and WebSocket, and nothing goes upstream', async () => {
    const before = upstreamCount(gateway);
    const query = '{ campaigns(first: 1) { nodes { id } } }';

    const post = await postGraphQL(gateway.endpoint, { query });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
    expect(post.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');

    const get = await fetch(`${gateway.endpoint}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');

    const textClient = createClient({ url: gateway.endpoint });
    expect((await expectClientError(textClient.campaign.list(), 'PERSISTED_QUERY_ONLY')).status).toBe(400);
    await expectClientError(textClient.campaign.watchDeliveryStats('any').next(), 'PERSISTED_QUERY_ONLY');

    const ws = await overWebSocket(gateway, { query });
    expect(ws.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(upstreamCount(gateway)).toBe(before);
  });

  it('an unknown id is PERSISTED_QUERY_NOT_FOUND (4xx) however it is named, and nothing goes upstream', async () => {
    const before = upstreamCount(gateway);
    for (const body of [
      { documentId: UNKNOWN_ID },
      { documentId: 'x'.repeat(10_000) },
      { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
    ]) {
      const answer = await postGraphQL(gateway.endpoint, body);
      expect(answer.status).toBe(404);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    const ws = await overWebSocket(gateway, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(ws.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(upstreamCount(gateway)).toBe(before);
  });

  it('a trusted document runs by id in every form: documentId, bare hash, persistedQuery extension, GET and WebSocket', async () => {
    const id = hashOf(ListCampaignsDocument);
    const variables = { first: 1 };
    for (const body of [
      { documentId: id, variables },
      { documentId: id.replace(/^sha256:/, ''), variables },
      { extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } }, variables },
    ]) {
      const answer = await postGraphQL(gateway.endpoint, body);
      expect(answer.status).toBe(200);
      expect((answer.body.data as any).campaigns.nodes).toHaveLength(1);
    }
    const get = await fetch(`${gateway.endpoint}?documentId=${encodeURIComponent(id)}&variables=${encodeURIComponent(JSON.stringify(variables))}`, {
      headers: { accept: 'application/json' },
    });
    expect(((await get.json()) as any).data.campaigns.nodes).toHaveLength(1);
    const ws = await overWebSocket(gateway, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: id } }, variables });
    expect(ws.data.campaigns.nodes).toHaveLength(1);
    // Over WebSocket the exact text of a trusted document is that document too.
    const text = loadTrustedDocuments(MANIFEST).get(id.replace(/^sha256:/, ''))!;
    expect((await overWebSocket(gateway, { query: text, variables })).data.campaigns.nodes).toHaveLength(1);
  });
});

describe('with allowArbitrary: true', () => {
  let gateway: ListeningGateway;

  beforeAll(async () => {
    gateway = await startListeningGateway({ config: { trustedDocuments: { file: MANIFEST, allowArbitrary: true } } });
  });
  afterAll(() => gateway?.close());

  it('both trusted documents by id and queries sent as text run; an unknown id is still refused', async () => {
    const persisted = createClient({ url: gateway.endpoint, persisted: true });
    const text = createClient({ url: gateway.endpoint });
    const [campaign] = (await persisted.campaign.list({ limit: 1 })).data;
    expect((await text.request(GetCampaignDocument, { id: campaign!._id })).campaign?.name).toBe(campaign!.name);
    expect((await postGraphQL(gateway.endpoint, { documentId: UNKNOWN_ID })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('the manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the codegen manifest, under both forms of each id', () => {
    const documents = loadTrustedDocuments(MANIFEST);
    expect(documents.get(hashOf(ListCampaignsDocument).replace(/^sha256:/, ''))).toContain('query ListCampaigns');
  });

  it('a missing, malformed or empty manifest stops startup with one line naming the file', () => {
    const cases: [string, string][] = [
      ['missing.json', ''],
      ['not-json.json', '{'],
      ['not-a-map.json', '["query { backends { name } }"]'],
      ['empty.json', '{}'],
      ['not-graphql.json', '{"sha256:abc": "this is not graphql"}'],
    ];
    for (const [name, content] of cases) {
      const file = join(dir, name);
      if (content) writeFileSync(file, content);
      let error: unknown;
      try {
        loadTrustedDocuments(file);
      } catch (caught) {
        error = caught;
      }
      expect(error, name).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^trustedDocuments\\.file: ${file}: `))]);
    }
  });

  it('the config key is checked: a file is required and no other key is accepted', () => {
    const backends = [{ name: 'b', kind: 'touchpoint', baseUrl: 'http://127.0.0.1:1', token: 't' }];
    const parse = (trustedDocuments: unknown) => () => parseConfig({ backends, trustedDocuments }, { env: {} });
    expect(parse({ file: MANIFEST })().trustedDocuments).toEqual({ file: MANIFEST, allowArbitrary: false });
    expect(parse({ allowArbitrary: true })).toThrow(/trustedDocuments\.file/);
    expect(parse({ file: MANIFEST, allowArbitary: true })).toThrow(/trustedDocuments/);
  });
});
