import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { touchpointAdapter } from '../../../src/adapters/touchpoint/index.js';
import type { BackendAdapter, CallContext } from '../../../src/adapters/adapter.js';
import { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import { UpstreamCache } from '../../../src/adapters/http/upstream-cache.js';
import * as api from '../../../src/adapters/touchpoint/client.js';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { describeAdapterConformance } from '../../conformance/adapter-conformance.js';
import { call } from '../../reference-backends/touchpoint/http.js';
import { adapterFor, BACKEND_NAME, rejectionOf, silentLogger } from './fixture.js';

const LOYALTY = 'cmp_5eed0000000000000000000a';

describeAdapterConformance('touchpoint', {
  async setup() {
    const backend = await startTouchpointBackend();
    const adapter = touchpointAdapter.create(
      { ...backend.configEntry(BACKEND_NAME), timeoutMs: 2000, retries: 2, maxConnections: 4 },
      { logger: silentLogger },
    );
    return { adapter, backend };
  },
  sample: {
    nativeId: LOYALTY,
    expected: {
      backend: BACKEND_NAME,
      nativeId: LOYALTY,
      name: 'Loyalty Tier Upgrade',
      description: null,
      status: 'PAUSED',
      rawStatus: 'paused',
      channels: ['SMS'],
      createdAt: '2026-08-27T10:51:00.000Z',
      updatedAt: '2026-09-08T10:51:00.000Z',
      scheduledAt: null,
      enrollmentCount: null,
      deliveryStats: null,
      raw: {
        _id: LOYALTY,
        name: 'Loyalty Tier Upgrade',
        status: 'paused',
        channel_type: 'sms',
        created_at: '2026-08-27T10:51:00.000Z',
        updated_at: '2026-09-08T10:51:00.000Z',
      },
    },
  },
  sampleTouchpoints: [
    {
      nativeId: 'tp_5eed000000000000000000a0',
      name: 'Upgrade notice',
      type: 'MESSAGE',
      rawType: 'message',
      channel: 'SMS',
      message: "Congrats! You've reached Gold. Enjoy free shipping on every order.",
      position: 0,
      createdAt: '2026-08-27T11:11:00.000Z',
    },
    { nativeId: 'tp_5eed000000000000000000a1', name: 'Wait a week', type: 'DELAY', rawType: 'delay', channel: null, message: { duration: 'P7D' }, position: 1 },
    { nativeId: 'tp_5eed000000000000000000a2', name: 'Upgrade tier', type: 'ACTION', rawType: 'action', channel: null, position: 2 },
    {
      nativeId: 'tp_5eed000000000000000000a3',
      name: 'Perks reminder',
      type: 'MESSAGE',
      channel: 'SMS',
      message: { text: 'Gold perks: early sales, birthday gift, priority support.' },
      position: 3,
      createdAt: '2026-08-27T12:11:00.000Z',
    },
  ],
  unknownNativeId: 'cmp_000000000000000000000000',
  capabilities: ['TOUCHPOINTS'],
});

describe('touchpoint adapter', () => {
  let backend: TouchpointReferenceBackend;
  let adapter: BackendAdapter;

  beforeAll(async () => {
    backend = await startTouchpointBackend();
    adapter = adapterFor(backend);
  });
  afterAll(async () => {
    await adapter.close();
    await backend.close();
  });
  afterEach(async () => {
    await backend.faults.clear();
    backend.requests.clear();
  });

  it('declares the touchpoint kind', () => {
    expect(touchpointAdapter).toMatchObject({ kind: 'touchpoint', backendKind: 'TOUCHPOINT', secretFields: ['token'] });
    expect(touchpointAdapter.configSchema.safeParse({ token: 'x' }).success).toBe(true);
    expect(touchpointAdapter.configSchema.safeParse({}).success).toBe(false);
    expect(adapter.kind).toBe('TOUCHPOINT');
    expect(adapter.capabilities.has('CAMPAIGN_UPDATE')).toBe(false);
    expect(adapter.updateCampaign).toBeUndefined();
  });

  describe('reads', () => {
    it('shares the campaign read between getCampaigns and listTouchpoints within one request', async () => {
      const ctx: CallContext = { cache: new UpstreamCache() };
      await adapter.getCampaigns([LOYALTY], ctx);
      const [touchpoints] = await adapter.listTouchpoints!([LOYALTY], ctx);
      expect(touchpoints).toHaveLength(4);
      expect(backend.requests.count({ method: 'GET', path: `/v1/campaigns/${LOYALTY}` })).toBe(1);
      expect(backend.requests.count({ method: 'GET', path: '/v1/touchpoints' })).toBe(1);
      expect(backend.requests.list({ path: '/v1/touchpoints' })[0]!.query).toMatchObject({ campaign_id: LOYALTY, limit: '100' });
    });

    it('retries a read that met a 500 and answers it', async () => {
      await backend.faults.set({ kind: 'status500', times: 1 });
      const [campaign] = await adapter.getCampaigns([LOYALTY], {});
      expect(campaign).toMatchObject({ nativeId: LOYALTY });
      expect(backend.requests.count({ method: 'GET' })).toBe(2);
    });

    it('answers an Error in place of a campaign the backend could not serve, the others standing', async () => {
      await backend.faults.set({ kind: 'nonJson', times: 1 });
      const loaded = await adapter.getCampaigns([LOYALTY], {});
      expect(loaded[0]).toMatchObject({ code: 'BACKEND_ERROR', backend: BACKEND_NAME });
    });

    it('reports refused credentials as BACKEND_UNAUTHORIZED without leaking the token', async () => {
      const wrong = adapterFor(backend, { token: 'not-the-token' });
      try {
        const error = await rejectionOf(wrong.listCampaigns({ order: { field: 'NAME', direction: 'ASC' }, filter: {}, after: null, resume: null, limit: 5 }, {}));
        expect(error).toMatchObject({ code: 'BACKEND_UNAUTHORIZED', backend: BACKEND_NAME });
        expect(error.message).not.toContain('not-the-token');
      } finally {
        await wrong.close();
      }
    });
  });

  describe('wire validation rules', () => {
    let http: BackendHttpClient;
    beforeAll(() => {
      http = new BackendHttpClient({ backend: BACKEND_NAME, baseUrl: backend.url, headers: { authorization: `Bearer ${backend.credentials.token}` } });
    });
    afterAll(() => http.close());

    it.each([
      ['a blank campaign name', () => api.createCampaign(http, {}, { name: ' ', channel_type: 'sms' }), 'input.name', 'name must not be blank.'],
      ['an unknown channel_type', () => api.createCampaign(http, {}, { name: 'X', channel_type: 'fax' as never }), 'input.channels', 'channel_type must be one of: whatsapp, email, sms.'],
      ['a missing touchpoint name', () => api.createTouchpoint(http, {}, { type: 'message', campaign_id: LOYALTY, message: 'x' } as never), 'input.name', 'name is required.'],
      ['an unknown touchpoint type', () => api.createTouchpoint(http, {}, { name: 'X', type: 'trigger' as never, campaign_id: LOYALTY, message: 'x' }), 'input.type', 'type must be one of: message, action, delay.'],
      ['a message that is a list', () => api.createTouchpoint(http, {}, { name: 'X', type: 'message', campaign_id: LOYALTY, message: ['x'] as never }), 'input.message', 'message must be a string or an object.'],
      ['a position that is not an integer', () => api.updateTouchpoint(http, {}, 'tp_5eed000000000000000000a0', { position: 1.5 }), 'input.position', 'position must be an integer.'],
    ])('surfaces %s as BAD_USER_INPUT on its field with the backend message', async (_what, send, field, message) => {
      const error = await rejectionOf(send());
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, backend: BACKEND_NAME });
      expect(error.message).toContain(message);
    });

    it('surfaces a touchpoint for an unknown campaign_id as NOT_FOUND', async () => {
      const error = await rejectionOf(api.createTouchpoint(http, {}, { name: 'X', type: 'message', campaign_id: 'cmp_nope', message: 'x' }));
      expect(error).toMatchObject({ code: 'NOT_FOUND', backend: BACKEND_NAME });
      expect(error.message).toContain('No campaign with id cmp_nope.');
    });

    it('surfaces unknown ids on writes as NOT_FOUND', async () => {
      await expect(api.deleteTouchpoint(http, {}, 'tp_nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(api.updateTouchpoint(http, {}, 'tp_nope', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(api.validateTouchpoint(http, {}, 'tp_nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
