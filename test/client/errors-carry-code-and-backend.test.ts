import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type CampaignGatewayClient } from '../../src/client/index.js';
import { campaignGlobalId, touchpointGlobalId } from '../../src/model/global-id.js';
import { startListeningGateway, type ListeningGateway } from '../server/support/listening-gateway.js';
import { expectClientError } from './support/expect-client-error.js';

const ADMIN_KEY = 'client-test-admin-key-0001';
const READ_KEY = 'client-test-read-key-00001';

let gateway: ListeningGateway;
let client: CampaignGatewayClient;

const upstreamRequests = () => gateway.references.all.reduce((n, b) => n + b.requests.list().length, 0);

beforeAll(async () => {
  gateway = await startListeningGateway({
    config: {
      auth: {
        apiKeys: [
          { key: ADMIN_KEY, scopes: ['campaigns:admin'] },
          { key: READ_KEY, scopes: ['campaigns:read'] },
        ],
      },
    },
    // A backend that is down is given up on at once.
    backendEntry: (entry) => ({ ...entry, retries: 0 }),
  });
  client = createClient({ url: gateway.endpoint, apiKey: ADMIN_KEY });
});
afterAll(() => gateway?.close());

describe('NOT_FOUND', () => {
  it('get and getTouchpoint of ids whose records do not exist', async () => {
    await expectClientError(client.campaign.get(campaignGlobalId({ backend: 'messaging', nativeId: 'cmp_missing' })), 'NOT_FOUND');
    const missingTouchpoint = touchpointGlobalId({ backend: 'messaging', campaignNativeId: 'cmp_missing', nativeId: 'tp_missing' });
    await expectClientError(client.campaign.getTouchpoint(missingTouchpoint), 'NOT_FOUND');
  });

  it('a delete of a campaign that does not exist names the backend', async () => {
    await expectClientError(client.campaign.delete(campaignGlobalId({ backend: 'messaging', nativeId: 'cmp_5eed00000000000000000999' })), 'NOT_FOUND', 'messaging');
  });
});

describe('BAD_USER_INPUT', () => {
  it('a malformed id names the field, and costs nothing upstream', async () => {
    const before = upstreamRequests();
    const failure = await expectClientError(client.campaign.get('not-an-id'), 'BAD_USER_INPUT');
    expect(failure.field).toBe('id');
    expect(upstreamRequests()).toBe(before);
  });

  it('input a backend refuses names that backend', async () => {
    const template = gateway.references.v2.templates[0]!;
    const oneRecipient = { name: 'Too small', backend: 'broadcast', templateId: template.id, recipients: [{ contactId: '+966500000001', params: ['A', 'B'] }] };
    await expectClientError(client.campaign.create(oneRecipient), 'BAD_USER_INPUT', 'broadcast');

    const [campaign] = (await client.campaign.list({ backend: 'messaging', limit: 1 })).data;
    await expectClientError(
      client.campaign.createTouchpoint({ name: 'Start', type: 'trigger', campaign_id: campaign!._id, message: { text: 'x' } }),
      'BAD_USER_INPUT',
      'messaging',
    );
  });

  it('a limit over 100 and a status the gateway does not know', async () => {
    expect((await expectClientError(client.campaign.list({ limit: 1000 }), 'BAD_USER_INPUT')).field).toBe('first');
    await expectClientError(client.campaign.list({ status: 'sleeping' as never }), 'BAD_USER_INPUT');
  });
});

describe('UNAUTHENTICATED and FORBIDDEN', () => {
  it('no key or a wrong key: UNAUTHENTICATED (401) for queries, mutations and live counts, and nothing upstream', async () => {
    const before = upstreamRequests();
    for (const apiKey of [undefined, 'wrong-key-wrong-key-wrong']) {
      const stranger = createClient({ url: gateway.endpoint, apiKey });
      expect((await expectClientError(stranger.campaign.list(), 'UNAUTHENTICATED')).status).toBe(401);
      await expectClientError(stranger.campaign.create({ name: 'x', backend: 'messaging', channel_type: 'sms' }), 'UNAUTHENTICATED');
      const stream = stranger.campaign.watchDeliveryStats(campaignGlobalId({ backend: 'broadcast', nativeId: '388' }));
      expect((await expectClientError(stream.next(), 'UNAUTHENTICATED')).status).toBe(401);
    }
    expect(upstreamRequests()).toBe(before);
  });

  it('a key without the scope: FORBIDDEN', async () => {
    const reader = createClient({ url: gateway.endpoint, apiKey: READ_KEY, defaultBackend: 'messaging' });
    expect((await reader.campaign.list({ limit: 1 })).data).toHaveLength(1);
    await expectClientError(reader.campaign.create({ name: 'Not allowed', channel_type: 'sms' }), 'FORBIDDEN');
  });
});

describe('backends that fail', () => {
  it('a list answers the healthy backends and one error per failing backend, with its name', async () => {
    await gateway.references.touchpoint.faults.set({ kind: 'refuse' });
    try {
      const page = await client.campaign.list({ limit: 100 });
      expect(page.data.length).toBeGreaterThan(0);
      expect(page.data.some((c) => c.backend === 'messaging')).toBe(false);
      expect(page.errors.map((e) => [e.code, e.backend])).toEqual([['BACKEND_UNAVAILABLE', 'messaging']]);
      await expectClientError(client.campaign.create({ name: 'x', backend: 'messaging', channel_type: 'sms' }), 'BACKEND_UNAVAILABLE', 'messaging');
    } finally {
      await gateway.references.touchpoint.faults.clear();
    }
  });
});

describe('NETWORK_ERROR', () => {
  let notGraphQL: Server;
  let notGraphQLUrl: string;

  beforeAll(async () => {
    // A proxy's error page: HTML, not GraphQL.
    notGraphQL = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'));
    await new Promise<void>((resolve) => notGraphQL.listen(0, '127.0.0.1', resolve));
    notGraphQLUrl = `http://127.0.0.1:${(notGraphQL.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => notGraphQL.close(() => resolve())));

  it('no gateway listening', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const nowhere = createClient({ url: `http://127.0.0.1:${closed}/graphql` });
    const failure = await expectClientError(nowhere.campaign.list(), 'NETWORK_ERROR');
    expect(failure.backend).toBeUndefined();
    await expectClientError(nowhere.campaign.watchDeliveryStats('any').next(), 'NETWORK_ERROR');
  });

  it('an answer that is not GraphQL', async () => {
    const proxied = createClient({ url: notGraphQLUrl });
    expect((await expectClientError(proxied.campaign.get('any'), 'NETWORK_ERROR')).status).toBe(502);
    await expectClientError(proxied.campaign.watchDeliveryStats('any').next(), 'NETWORK_ERROR');
  });
});
