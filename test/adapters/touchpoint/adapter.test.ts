import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { touchpointAdapter } from '../../../src/adapters/touchpoint/index.js';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import type { CallContext } from '../../../src/adapters/http/call-context.js';
import type { CreateCampaignInput } from '../../../src/model/write-inputs.js';
import { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import { UpstreamCache } from '../../../src/adapters/http/upstream-cache.js';
import * as api from '../../../src/adapters/touchpoint/client.js';
import type { Campaign, Touchpoint } from '../../../src/model/unified.js';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { describeAdapterConformance } from '../../conformance/adapter-conformance.js';
import { call } from '../../reference-backends/touchpoint/http.js';
import { adapterFor, BACKEND_NAME, rejectionOf, silentLogger } from './fixture.js';
import { capabilitiesOf, facetOf } from '../../../src/adapters/seam/capabilities.js';
import { definitionOfKind } from '../../support/backend-kinds.js';

const LOYALTY = 'cmp_5eed0000000000000000000a';
const VALENTINE = 'cmp_5eed00000000000000000002';

describeAdapterConformance(definitionOfKind('touchpoint'), {
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
  capabilities: ['CAMPAIGN_CREATE', 'CAMPAIGN_DELETE', 'TOUCHPOINTS', 'TOUCHPOINT_WRITE'],
  facets: ['campaignCreate', 'campaignDelete', 'touchpoints', 'touchpointWrites'],
  writes: {
    createCampaign: { name: 'Conformance Probe', channels: ['EMAIL'] },
    touchpoint: {
      create: { name: 'Probe email', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Hello', text: 'A probe of the shared suite.' } },
      update: { name: 'Probe email (renamed)' },
    },
  },
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

  it('declares the touchpoint kind and no campaign update, for which there is no endpoint', () => {
    expect(touchpointAdapter).toMatchObject({ kind: 'touchpoint', backendKind: 'TOUCHPOINT', secretFields: ['token'] });
    expect(touchpointAdapter.configSchema.safeParse({ token: 'x' }).success).toBe(true);
    expect(touchpointAdapter.configSchema.safeParse({}).success).toBe(false);
    expect(adapter.kind).toBe('TOUCHPOINT');
    expect(capabilitiesOf(adapter)).not.toContain('CAMPAIGN_UPDATE');
    expect(adapter.campaignUpdate).toBeUndefined();
  });

  describe('reads', () => {
    it('shares the campaign read between getCampaigns and listTouchpoints within one request', async () => {
      const ctx: CallContext = { cache: new UpstreamCache() };
      await adapter.getCampaigns([LOYALTY], ctx);
      const [touchpoints] = await facetOf(adapter, 'touchpoints').list([LOYALTY], ctx);
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
    let wire: api.TouchpointApi;
    beforeAll(() => {
      const http = new BackendHttpClient({ backend: BACKEND_NAME, baseUrl: backend.url, headers: { authorization: `Bearer ${backend.credentials.token}` } });
      wire = { http, pageSize: 100, logger: silentLogger };
    });
    afterAll(() => wire.http.close());

    it.each([
      ['a blank campaign name', () => api.createCampaign(wire, { name: ' ', channel_type: 'sms' }, {}), 'input.name', 'name must not be blank.'],
      ['an unknown channel_type', () => api.createCampaign(wire, { name: 'X', channel_type: 'fax' as never }, {}), 'input.channels', 'channel_type must be one of: whatsapp, email, sms.'],
      ['a missing touchpoint name', () => api.createTouchpoint(wire, { type: 'message', campaign_id: LOYALTY, message: 'x' } as never, {}), 'input.name', 'name is required.'],
      ['an unknown touchpoint type', () => api.createTouchpoint(wire, { name: 'X', type: 'trigger' as never, campaign_id: LOYALTY, message: 'x' }, {}), 'input.type', 'type must be one of: message, action, delay.'],
      ['a message that is a list', () => api.createTouchpoint(wire, { name: 'X', type: 'message', campaign_id: LOYALTY, message: ['x'] as never }, {}), 'input.message', 'message must be a string or an object.'],
      ['a position that is not an integer', () => api.updateTouchpoint(wire, 'tp_5eed000000000000000000a0', { position: 1.5 }, {}), 'input.position', 'position must be an integer.'],
    ])('surfaces %s as BAD_USER_INPUT on its field with the backend message', async (_what, send, field, message) => {
      const error = await rejectionOf(send());
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, backend: BACKEND_NAME });
      expect(error.message).toContain(message);
    });

    it('surfaces a touchpoint for an unknown campaign_id as NOT_FOUND', async () => {
      const error = await rejectionOf(api.createTouchpoint(wire, { name: 'X', type: 'message', campaign_id: 'cmp_nope', message: 'x' }, {}));
      expect(error).toMatchObject({ code: 'NOT_FOUND', backend: BACKEND_NAME });
      expect(error.message).toContain('No campaign with id cmp_nope.');
    });

    it('surfaces unknown ids on writes as NOT_FOUND', async () => {
      await expect(api.deleteTouchpoint(wire, 'tp_nope', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(api.updateTouchpoint(wire, 'tp_nope', { name: 'x' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(api.validateTouchpoint(wire, 'tp_nope', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('campaign writes', () => {
    it('creates a campaign, reads it back, and deletes it with its touchpoints', async () => {
      const created = await facetOf(adapter, 'campaignCreate').create({ name: 'Black Friday Teaser', channels: ['EMAIL'] }, {});
      expect(created).toMatchObject({ backend: BACKEND_NAME, name: 'Black Friday Teaser', status: 'DRAFT', rawStatus: 'draft', channels: ['EMAIL'] });
      expect(created.nativeId).toMatch(/^cmp_/);
      expect(created.createdAt).toMatch(/\.\d{3}Z$/);

      const [read] = await adapter.getCampaigns([created.nativeId], {});
      expect(read).toEqual(created);
      const onWire = await call(backend, 'GET', `/v1/campaigns/${created.nativeId}`);
      expect(onWire.body).toMatchObject({ name: 'Black Friday Teaser', channel_type: 'email', status: 'draft' });

      const tp = await facetOf(adapter, 'touchpointWrites').create(created.nativeId, { name: 'Teaser', type: 'MESSAGE', message: { subject: 'Soon', text: 'Hi' } }, {});
      await facetOf(adapter, 'campaignDelete').delete(created.nativeId, {});
      expect(await adapter.getCampaigns([created.nativeId], {})).toEqual([null]);
      expect((await call(backend, 'GET', `/v1/campaigns/${created.nativeId}`)).status).toBe(404);
      expect((await call(backend, 'GET', `/v1/touchpoints/${tp.nativeId}`)).status).toBe(404);
    });

    it('answers NOT_FOUND when deleting a campaign that does not exist, with the backend message', async () => {
      const error = await rejectionOf(facetOf(adapter, 'campaignDelete').delete('cmp_000000000000000000000000', {}));
      expect(error).toMatchObject({ code: 'NOT_FOUND', backend: BACKEND_NAME });
      expect(error.message).toContain('No campaign with id cmp_000000000000000000000000.');
    });

    it.each([
      [{ name: 'No channel' }, 'input.channels'],
      [{ name: 'No channel', channels: [] }, 'input.channels'],
      [{ name: 'Two channels', channels: ['EMAIL', 'SMS'] }, 'input.channels'],
      [{ name: 'Voice', channels: ['VOICE'] }, 'input.channels'],
      [{ name: '  ', channels: ['SMS'] }, 'input.name'],
    ] as [CreateCampaignInput, string][])('refuses %j on %s before calling the backend', async (input, field) => {
      const error = await rejectionOf(facetOf(adapter, 'campaignCreate').create(input, {}));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, backend: BACKEND_NAME });
      expect(backend.requests.count()).toBe(0);
    });

    it.each([
      ['description', 'A campaign'],
      ['type', 'AUTOMATED'],
      ['scheduledAt', '2026-12-01T00:00:00.000Z'],
      ['endsAt', '2026-12-31T00:00:00.000Z'],
      ['recipients', [{ contactId: 'c1' }]],
      ['templateId', 't1'],
      ['message', 'Hello'],
      ['payload', '{}'],
      ['workflowId', 'wf1'],
      ['senders', { smsFrom: '+1555' }],
      ['settings', { a: 1 }],
    ])('refuses %s, which the backend cannot store, naming the field', async (field, value) => {
      const error = await rejectionOf(facetOf(adapter, 'campaignCreate').create({ name: 'X', channels: ['SMS'], [field]: value }, {}));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
      expect(error.message).toContain(field);
      expect(backend.requests.count()).toBe(0);
    });

    it('sends a create once when the backend answers 500', async () => {
      await backend.faults.set({ kind: 'status500', times: 1 });
      const error = await rejectionOf(facetOf(adapter, 'campaignCreate').create({ name: 'Once', channels: ['SMS'] }, {}));
      expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: BACKEND_NAME });
      expect(backend.requests.count({ method: 'POST', path: '/v1/campaigns' })).toBe(1);
    });

    it('sends a delete once when the backend answers 500', async () => {
      await backend.faults.set({ kind: 'status500', times: 1 });
      await expect(facetOf(adapter, 'campaignDelete').delete(LOYALTY, {})).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      expect(backend.requests.count({ method: 'DELETE' })).toBe(1);
      expect((await call(backend, 'GET', `/v1/campaigns/${LOYALTY}`)).status).toBe(200);
    });
  });

  describe('touchpoint writes', () => {
    let campaign: Campaign;

    beforeAll(async () => {
      campaign = await facetOf(adapter, 'campaignCreate').create({ name: 'Welcome Series', channels: ['EMAIL'] }, {});
    });

    it('creates, reads back, updates, validates and deletes a touchpoint', async () => {
      const first = await facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'Intro', type: 'MESSAGE', channel: 'EMAIL', message: 'Hello there' }, {});
      expect(first).toMatchObject({ campaignNativeId: campaign.nativeId, name: 'Intro', type: 'MESSAGE', rawType: 'message', channel: 'EMAIL', message: 'Hello there', position: 0 });
      const second = await facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'Pause', type: 'DELAY', rawType: 'delay', message: { duration: 'P1D' } }, {});
      expect(second).toMatchObject({ type: 'DELAY', channel: null, position: 1 });
      const third = await facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'Tag', type: 'ACTION', message: { action: 'add_tag' } }, {});
      expect(third).toMatchObject({ type: 'ACTION', rawType: 'action', position: 2 });

      const [read] = await facetOf(adapter, 'touchpoints').get([{ campaignNativeId: campaign.nativeId, nativeId: first.nativeId }], {});
      expect(read).toEqual(first);
      const onWire = await call(backend, 'GET', `/v1/touchpoints/${first.nativeId}`);
      expect(onWire.body).toMatchObject({ name: 'Intro', type: 'message', campaign_id: campaign.nativeId, message: 'Hello there', position: 0 });

      const key = { campaignNativeId: campaign.nativeId, nativeId: first.nativeId };
      expect(await facetOf(adapter, 'touchpoints').validate(key, {})).toEqual({
        valid: false,
        errors: ['An email message needs a subject, and this message has none.'],
      });
      const updated = await facetOf(adapter, 'touchpointWrites').update(key, { name: 'Intro mail', message: { subject: 'Welcome', text: 'Hello' }, position: 2 }, {});
      expect(updated).toMatchObject({ name: 'Intro mail', message: { subject: 'Welcome', text: 'Hello' }, position: 2, channel: 'EMAIL' });
      expect(await facetOf(adapter, 'touchpoints').validate(key, {})).toEqual({ valid: true, errors: [] });
      const [list] = await facetOf(adapter, 'touchpoints').list([campaign.nativeId], {});
      expect((list as Touchpoint[]).map((t) => [t.name, t.position])).toEqual([['Pause', 0], ['Tag', 1], ['Intro mail', 2]]);

      await facetOf(adapter, 'touchpointWrites').delete(key, {});
      expect((await call(backend, 'GET', `/v1/touchpoints/${first.nativeId}`)).status).toBe(404);
      const [after] = await facetOf(adapter, 'touchpoints').list([campaign.nativeId], {});
      expect((after as Touchpoint[]).map((t) => [t.name, t.position])).toEqual([['Pause', 0], ['Tag', 1]]);
      await expect(facetOf(adapter, 'touchpointWrites').delete(key, {})).rejects.toMatchObject({ code: 'NOT_FOUND', backend: BACKEND_NAME });
    });

    it('answers the backend validation of seeded touchpoints', async () => {
      const [list] = await facetOf(adapter, 'touchpoints').list([VALENTINE], {});
      const reminder = (list as Touchpoint[]).find((t) => t.name === 'Last-minute reminder')!;
      const result = await facetOf(adapter, 'touchpoints').validate({ campaignNativeId: VALENTINE, nativeId: reminder.nativeId }, {});
      expect(result).toEqual({ valid: false, errors: ['An email message needs a subject, and this message has none.'] });
    });

    it.each([
      [{ name: 'T', type: 'TRIGGER', message: 'x' }, 'input.type'],
      [{ name: 'C', type: 'CONDITION', message: 'x' }, 'input.type'],
      [{ name: 'M', type: 'MESSAGE' }, 'input.message'],
      [{ name: 'M', type: 'MESSAGE', message: null }, 'input.message'],
      [{ name: 'M', type: 'MESSAGE', message: ['a'] }, 'input.message'],
      [{ name: 'M', type: 'MESSAGE', message: 'x', config: { retries: 2 } }, 'input.config'],
      [{ name: 'M', type: 'DELAY', message: { duration: 'P1D' }, rawType: 'wait' }, 'input.rawType'],
      [{ name: '', type: 'ACTION', message: 'x' }, 'input.name'],
    ])('refuses %j on %s before calling the backend', async (input, field) => {
      const error = await rejectionOf(facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, input as never, {}));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, backend: BACKEND_NAME });
      expect(backend.requests.count()).toBe(0);
    });

    it("refuses a channel other than the campaign's without creating anything", async () => {
      const error = await rejectionOf(facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'SMS', type: 'MESSAGE', channel: 'SMS', message: 'x' }, {}));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
      expect(error.message).toContain('EMAIL');
      expect(backend.requests.count({ method: 'POST' })).toBe(0);
    });

    it('answers NOT_FOUND for a touchpoint in a campaign that does not exist', async () => {
      const error = await rejectionOf(facetOf(adapter, 'touchpointWrites').create('cmp_000000000000000000000000', { name: 'M', type: 'MESSAGE', message: 'x' }, {}));
      expect(error).toMatchObject({ code: 'NOT_FOUND', backend: BACKEND_NAME });
      expect(backend.requests.count({ method: 'POST' })).toBe(0);
    });

    it('answers NOT_FOUND for writes to a touchpoint that does not exist or belongs to another campaign', async () => {
      const own = await facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'Own', type: 'MESSAGE', message: 'x' }, {});
      const foreign = { campaignNativeId: LOYALTY, nativeId: own.nativeId };
      const missing = { campaignNativeId: campaign.nativeId, nativeId: 'tp_000000000000000000000000' };
      for (const key of [foreign, missing]) {
        await expect(facetOf(adapter, 'touchpointWrites').update(key, { name: 'Stolen' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(facetOf(adapter, 'touchpointWrites').delete(key, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(facetOf(adapter, 'touchpoints').validate(key, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(await facetOf(adapter, 'touchpoints').get([foreign], {})).toEqual([null]);
      expect(backend.requests.count({ method: 'PATCH' }) + backend.requests.count({ method: 'DELETE' })).toBe(0);
      expect((await call(backend, 'GET', `/v1/touchpoints/${own.nativeId}`)).body.name).toBe('Own');
    });

    it("surfaces the backend's refusal of a position out of range on input.position, with its message", async () => {
      const own = await facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'Movable', type: 'MESSAGE', message: 'x' }, {});
      const error = await rejectionOf(facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: campaign.nativeId, nativeId: own.nativeId }, { position: 99 }, {}));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.position', backend: BACKEND_NAME });
      expect(error.message).toMatch(/position must be between 0 and \d+\./);
    });

    it('refuses config and bad positions on update before calling the backend', async () => {
      const key = { campaignNativeId: campaign.nativeId, nativeId: 'tp_any' };
      await expect(facetOf(adapter, 'touchpointWrites').update(key, { config: { a: 1 } }, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.config' });
      await expect(facetOf(adapter, 'touchpointWrites').update(key, { position: -1 }, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.position' });
      await expect(facetOf(adapter, 'touchpointWrites').update(key, { name: ' ' }, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(backend.requests.count()).toBe(0);
    });

    it('sends a touchpoint create, update and delete once when the backend answers 500', async () => {
      const own = await facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'Fragile', type: 'MESSAGE', message: 'x' }, {});
      const key = { campaignNativeId: campaign.nativeId, nativeId: own.nativeId };
      const writes = [
        ['POST', (ctx: CallContext) => facetOf(adapter, 'touchpointWrites').create(campaign.nativeId, { name: 'Twice?', type: 'MESSAGE', message: 'x' }, ctx)],
        ['PATCH', (ctx: CallContext) => facetOf(adapter, 'touchpointWrites').update(key, { name: 'Twice?' }, ctx)],
        ['DELETE', (ctx: CallContext) => facetOf(adapter, 'touchpointWrites').delete(key, ctx)],
      ] as const;
      for (const [method, write] of writes) {
        // The reads a write starts with come from the request memo, so the 500 meets the write itself.
        const ctx: CallContext = { cache: new UpstreamCache() };
        await facetOf(adapter, 'touchpoints').get([key], ctx);
        backend.requests.clear();
        await backend.faults.set({ kind: 'status500', times: 1 });
        await expect(write(ctx)).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: BACKEND_NAME });
        expect(backend.requests.count({ method }), method).toBe(1);
      }
      const onWire = await call(backend, 'GET', `/v1/touchpoints?campaign_id=${campaign.nativeId}&limit=100`);
      expect(onWire.body.data.filter((t: { name: string }) => t.name === 'Twice?')).toEqual([]);
      expect((await call(backend, 'GET', `/v1/touchpoints/${own.nativeId}`)).body.name).toBe('Fragile');
    });
  });
});
