import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, Message } from '../../../src/model/unified.js';
import { UpstreamCache } from '../../../src/adapters/http/upstream-cache.js';
import type { CampaignListQuery } from '../../../src/adapters/seam/campaign-list.js';
import type { CreateCampaignInput } from '../../../src/model/write-inputs.js';
import { GatewayError } from '../../../src/model/errors.js';
import { describeAdapterConformance } from '../../conformance/adapter-conformance.js';
import { backendCall, createAdapter, FIXTURE_START, json, startStub, startV2Fixture, type StubServer, type V2Fixture } from './fixture.js';
import { facetOf } from '../../../src/adapters/seam/capabilities.js';
import { definitionOfKind } from '../../support/backend-kinds.js';

const ALL: CampaignListQuery = {
  order: { field: 'CREATED_AT', direction: 'DESC' },
  filter: {},
  after: null,
  resume: null,
  limit: 21,
};

const GET_ALL = { method: 'GET', path: '/v2/campaign/getAll' } as const;

describeAdapterConformance(definitionOfKind('v2'), {
  setup: startV2Fixture,
  // Seed campaign 383: sent at a SendAt in the past, completed, one unreachable client.
  sample: {
    nativeId: '383',
    expected: {
      backend: 'broadcast',
      nativeId: '383',
      name: 'Ramadan Kareem Offer 2026',
      description: null,
      status: 'COMPLETED',
      rawStatus: 'completed',
      channels: ['WHATSAPP'],
      createdAt: '2026-03-24T09:37:00.000Z',
      updatedAt: '2026-03-26T11:37:00.000Z',
      scheduledAt: '2026-03-26T09:37:00.000Z',
      enrollmentCount: 8,
      deliveryStats: { total: 8, sent: 7, delivered: 7, failed: 1, updatedAt: '2026-03-26T11:37:00.000Z' },
    },
  },
  sampleTouchpoints: [
    {
      nativeId: 'message',
      campaignNativeId: '383',
      name: 'ramadan_offer',
      type: 'MESSAGE',
      channel: 'WHATSAPP',
      position: 0,
      createdAt: '2026-03-24T09:37:00.000Z',
      message: {
        text: 'رمضان كريم {{1}}! استخدم الكود {{2}} واحصل على خصم {{3}} على جميع مشترياتك حتى نهاية الشهر.',
        templateId: '5f0c2a8e-3b1d-4e7a-9c44-0d2b8f6e1a73',
        templateName: 'ramadan_offer',
        language: 'ar',
      },
    },
  ],
  unknownNativeId: '999999',
  capabilities: ['CAMPAIGN_CREATE', 'CAMPAIGN_UPDATE', 'CAMPAIGN_DELETE', 'TOUCHPOINTS', 'MESSAGES', 'RESEND', 'SCHEDULING', 'DELIVERY_STATS'],
  facets: ['campaignCreate', 'campaignUpdate', 'campaignDelete', 'touchpoints', 'enrollmentList', 'messages', 'resend', 'deliveryStats'],
  writes: {
    // Scheduled after the fixture's clock, so that it can still be updated.
    createCampaign: {
      name: 'Conformance Probe',
      templateId: 'c8630dcb-dc36-4968-8ca4-26a78893c1e6',
      recipients: [
        { contactId: '+966500000901', params: ['Noor', 'ORD-901'] },
        { contactId: '+966500000902', params: ['Sami', 'ORD-902'] },
      ],
      scheduledAt: '2026-09-20T09:00:00.000Z',
    },
    updateCampaign: { name: 'Conformance Probe (renamed)', scheduledAt: '2026-09-21T09:00:00.000Z' },
  },
});

describe('v2 adapter reads', () => {
  let fx: V2Fixture;
  beforeAll(async () => {
    fx = await startV2Fixture();
  });
  afterAll(() => fx.close());
  afterEach(() => fx.backend.requests.clear());

  it('sends one getAll (resultSize=1000) for a list and 30 loads by id within one request', async () => {
    const ctx = { cache: new UpstreamCache() };
    const list = await fx.adapter.listCampaigns(ALL, ctx);
    const ids = list.items.map((item) => item.campaign.nativeId);
    const keys = Array.from({ length: 30 }, (_, i) => ids[i % ids.length]!);
    const [loaded, again] = await Promise.all([fx.adapter.getCampaigns(keys, ctx), fx.adapter.getCampaigns(['380', '12345'], ctx)]);
    expect(loaded.map((c) => (c as Campaign).nativeId)).toEqual(keys);
    expect(again.map((c) => (c as Campaign | null)?.nativeId ?? null)).toEqual(['380', null]);
    await facetOf(fx.adapter, 'touchpoints').list(['383'], ctx);
    await facetOf(fx.adapter, 'enrollmentList').list('383', { first: 2, after: null }, ctx);
    expect(fx.backend.requests.count(GET_ALL)).toBe(1);
    expect(fx.backend.requests.list(GET_ALL)[0]!.query).toEqual({ resultSize: '1000' });
  });

  it('sends getAll again for another request (no memo across requests)', async () => {
    await fx.adapter.getCampaigns(['380'], { cache: new UpstreamCache() });
    await fx.adapter.getCampaigns(['380'], { cache: new UpstreamCache() });
    expect(fx.backend.requests.count(GET_ALL)).toBe(2);
  });

  it('lists every campaign at once, newest first, as a complete list', async () => {
    const list = await fx.adapter.listCampaigns(ALL, {});
    expect(list).toMatchObject({ exhaustive: true, hasMore: false, recordErrors: [] });
    expect(list.items.map((i) => i.campaign.nativeId)).toEqual(['389', '388', '387', '386', '385', '384', '383', '382', '381', '380']);
    const byId = new Map(list.items.map((i) => [i.campaign.nativeId, i.campaign]));
    expect(byId.get('389')).toMatchObject({ status: 'SCHEDULED', rawStatus: 'scheduled', scheduledAt: '2026-09-04T00:00:00.000Z' });
    expect(byId.get('388')).toMatchObject({ status: 'ACTIVE', rawStatus: 'processing', scheduledAt: null });
    expect(byId.get('382')).toMatchObject({ status: 'FAILED', rawStatus: 'failed', deliveryStats: { total: 3, sent: 0, delivered: 0, failed: 3 } });
    for (const campaign of byId.values()) expect(campaign.raw).not.toHaveProperty('SocketKey');
  });

  it('answers non-numeric ids with null', async () => {
    expect(await fx.adapter.getCampaigns(['abc', '', '383'], {})).toEqual([null, null, expect.objectContaining({ nativeId: '383' })]);
  });

  it('has the message touchpoint only', async () => {
    const [tp, other] = await facetOf(fx.adapter, 'touchpoints').get(
      [
        { campaignNativeId: '386', nativeId: 'message' },
        { campaignNativeId: '386', nativeId: 'MESSAGE' },
      ],
      {},
    );
    expect(tp).toMatchObject({ nativeId: 'message', campaignNativeId: '386', name: 'welcome_back', type: 'MESSAGE' });
    expect(other).toBeNull();
  });

  it('pages enrollments (the clients) with an opaque offset cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await facetOf(fx.adapter, 'enrollmentList').list('383', { first: 3, after }, {});
      expect(page!.totalCount).toBe(8);
      seen.push(...page!.items.map((e) => e.contactId));
      after = page!.next;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(seen[0]).toBe('+966539078942');
    const [first] = (await facetOf(fx.adapter, 'enrollmentList').list('383', { first: 1, after: null }, {}))!.items;
    expect(first).toEqual({ backend: 'broadcast', campaignNativeId: '383', contactId: '+966539078942', params: ['فيصل', 'KAREEM25', '25%'] });
  });

  it('answers enrollments of an unknown campaign with null and rejects a foreign cursor', async () => {
    expect(await facetOf(fx.adapter, 'enrollmentList').list('999999', { first: 3, after: null }, {})).toBeNull();
    await expect(facetOf(fx.adapter, 'enrollmentList').list('383', { first: 3, after: 'not-ours' }, {})).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('pages messages from getCampMsgs (resultSize=1000)', async () => {
    const all: Message[] = [];
    let after: string | null = null;
    do {
      const page = await facetOf(fx.adapter, 'messages').list('383', { first: 5, after }, {});
      expect(page!.totalCount).toBe(8);
      all.push(...page!.items);
      after = page!.next;
    } while (after !== null);
    expect(all).toHaveLength(8);
    expect(new Set(all.map((m) => m.nativeId)).size).toBe(8);
    const unreachable = all.find((m) => m.recipient === '+966570031447');
    expect(unreachable).toMatchObject({ status: 'FAILED', error: 'recipient unreachable', sentAt: null, campaignNativeId: '383' });
    expect(all.filter((m) => m.status === 'READ' || m.status === 'DELIVERED')).toHaveLength(7);
    expect(fx.backend.requests.list({ path: '/v2/campaign/getCampMsgs' })[0]!.query).toEqual({ campaignID: '383', resultSize: '1000' });
  });

  it('answers messages of an unknown campaign with null (404), of a malformed id without asking', async () => {
    expect(await facetOf(fx.adapter, 'messages').list('999999', { first: 5, after: null }, {})).toBeNull();
    expect(await facetOf(fx.adapter, 'messages').list('x1', { first: 5, after: null }, {})).toBeNull();
    expect(fx.backend.requests.count({ path: '/v2/campaign/getCampMsgs' })).toBe(1);
  });

  it('delivery stats follow advance(n) and agree with the messages', async () => {
    const stats = async () => ((await fx.adapter.getCampaigns(['388'], {}))[0] as Campaign).deliveryStats!;
    const before = await stats();
    expect(before).toMatchObject({ total: 12, sent: 9, delivered: 6, failed: 2 });
    fx.clock.advance(60_000);
    fx.backend.advance(3);
    const after = await stats();
    expect(after.sent).toBeGreaterThan(before.sent);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    const messages = (await facetOf(fx.adapter, 'messages').list('388', { first: 100, after: null }, {}))!.items;
    expect(after).toMatchObject({
      total: messages.length,
      sent: messages.filter((m) => m.sentAt !== null && m.status !== 'PENDING').length,
      delivered: messages.filter((m) => m.status === 'DELIVERED' || m.status === 'READ').length,
      failed: messages.filter((m) => m.status === 'FAILED').length,
    });
    fx.backend.advance(20);
    const [done] = (await fx.adapter.getCampaigns(['388'], {})) as Campaign[];
    expect(done!.status).toBe('COMPLETED');
    // Every message has a final state now.
    expect(done!.deliveryStats!.delivered! + done!.deliveryStats!.failed!).toBe(12);
  });
});

describe('v2 adapter against wire shapes the reference backend never sends', () => {
  let stub: StubServer;
  let answer: Parameters<typeof startStub>[0];
  const adapterFor = () => createAdapter(stub.url, 'stub-key', 'stubbed');
  const record = (id: number, overrides: Record<string, unknown> = {}) => ({
    // Keys out of Go's order, and fields the contract does not name.
    Total: 2,
    Clients: [{ AccountID: '+1', Params: null }, { AccountID: '+2' }],
    Status: 'completed',
    ID: id,
    Name: `campaign ${id}`,
    CreatedAt: '2025-03-03T14:32:25+03:00',
    UpdatedAt: '2025-03-03T14:33:02+03:00',
    SendAt: '',
    SentCount: 2,
    DeliveredCount: 2,
    FailedCount: 0,
    Region: 'me-central',
    SocketKey: 'stub-socket-secret',
    ...overrides,
  });

  beforeAll(async () => {
    stub = await startStub((request, response) => answer(request, response));
  });
  afterAll(() => stub.close());

  it('sends the API key as X-API-Key', async () => {
    answer = (_req, res) => json(res, 200, { data: [], count: 0 });
    const adapter = adapterFor();
    try {
      await adapter.listCampaigns(ALL, {});
      expect(stub.received.at(-1)!['x-api-key']).toBe('stub-key');
    } finally {
      await adapter.close();
    }
  });

  it('keeps an unknown status word as UNKNOWN with rawStatus, and leaves out a record breaking the schema while the others stand', async () => {
    answer = (_req, res) =>
      json(res, 200, {
        data: [record(3, { Status: 'archived' }), record(2, { CreatedAt: 'yesterday' }), { Name: 'no id' }, record(1, { Clients: null })],
        count: 4,
      });
    const adapter = adapterFor();
    try {
      const list = await adapter.listCampaigns(ALL, {});
      expect(list.items.map((i) => i.campaign.nativeId)).toEqual(['3', '1']);
      expect(list.items[0]!.campaign).toMatchObject({ status: 'UNKNOWN', rawStatus: 'archived', enrollmentCount: 2 });
      expect(list.items[0]!.campaign.raw).toMatchObject({ Region: 'me-central' });
      expect(JSON.stringify(list.items)).not.toContain('stub-socket-secret');
      expect(list.items[1]!.campaign.enrollmentCount).toBe(0);
      expect(list.recordErrors).toHaveLength(2);
      for (const error of list.recordErrors) expect(error).toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
      expect(list.recordErrors[0]!.message).toContain('campaign 2');
      expect(list.recordErrors[0]!.message).toContain('CreatedAt');
      expect(list.recordErrors[1]!.message).toContain('campaign record #2');

      const loaded = await adapter.getCampaigns(['2', '3', '4'], {});
      expect(loaded[0]).toBeInstanceOf(GatewayError);
      expect(loaded[0]).toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
      expect(loaded[1]).toMatchObject({ nativeId: '3' });
      expect(loaded[2]).toBeNull();
    } finally {
      await adapter.close();
    }
  });

  it('reads a nil data slice as no campaigns', async () => {
    answer = (_req, res) => json(res, 200, { data: null, count: 0 });
    const adapter = adapterFor();
    try {
      expect((await adapter.listCampaigns(ALL, {})).items).toEqual([]);
    } finally {
      await adapter.close();
    }
  });

  it('answers BACKEND_ERROR for a list that is not the contract, BACKEND_UNAUTHORIZED for 401', async () => {
    const adapter = adapterFor();
    try {
      answer = (_req, res) => json(res, 200, [record(1)]);
      await expect(adapter.listCampaigns(ALL, {})).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
      answer = (_req, res) => json(res, 200, '<html>proxy</html>');
      await expect(adapter.listCampaigns(ALL, {})).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
      answer = (_req, res) => json(res, 401, { error: 'unauthorized' });
      await expect(adapter.listCampaigns(ALL, {})).rejects.toMatchObject({ code: 'BACKEND_UNAUTHORIZED', backend: 'stubbed' });
    } finally {
      await adapter.close();
    }
  });

  it('fails a message page whose message breaks the schema with BACKEND_ERROR', async () => {
    answer = (_req, res) =>
      json(res, 200, { data: [{ MessageKey: 'C1', CampaignID: 1, AccountID: '+1', Status: 'bounced', Error: '', SentAt: '', UpdatedAt: '' }], count: 1 });
    const adapter = adapterFor();
    try {
      await expect(facetOf(adapter, 'messages').list('1', { first: 5, after: null }, {})).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
    } finally {
      await adapter.close();
    }
  });
});

describe('v2 adapter writes', () => {
  const ORDER_TEMPLATE = 'c8630dcb-dc36-4968-8ca4-26a78893c1e6';
  const CREATE = { method: 'POST', path: '/v2/campaign/create' } as const;
  let fx: V2Fixture;
  beforeAll(async () => {
    fx = await startV2Fixture();
  });
  afterAll(() => fx.close());
  afterEach(async () => {
    await fx.backend.faults.clear();
    fx.backend.requests.clear();
  });

  const orderInput = (overrides: Partial<CreateCampaignInput> = {}): CreateCampaignInput => ({
    name: 'Autumn Orders',
    templateId: ORDER_TEMPLATE,
    recipients: [
      { contactId: '+966500000001', params: ['Aisha', 'ORD-1'] },
      { contactId: '+966500000002', params: ['Bilal', 'ORD-2'] },
    ],
    scheduledAt: '2026-09-10T12:00:00.000Z',
    ...overrides,
  });

  it('creates a scheduled campaign, reads it back, updates it and deletes it', async () => {
    const created = await facetOf(fx.adapter, 'campaignCreate').create(orderInput({ channels: ['WHATSAPP'] }), {});
    expect(fx.backend.requests.count(CREATE)).toBe(1);
    expect(created).toMatchObject({
      backend: 'broadcast',
      name: 'Autumn Orders',
      status: 'SCHEDULED',
      rawStatus: 'scheduled',
      channels: ['WHATSAPP'],
      createdAt: new Date(FIXTURE_START).toISOString(),
      scheduledAt: '2026-09-10T12:00:00.000Z',
      enrollmentCount: 2,
      deliveryStats: { total: 2, sent: 0, delivered: 0, failed: 0 },
    });
    // The template's BODY fills the message when none is given.
    expect(created.touchpoints![0]!.message).toMatchObject({
      text: 'Hi {{1}}, thank you for your order {{2}}! We will message you again as soon as it ships.',
      templateId: ORDER_TEMPLATE,
      templateName: 'order_confirmation',
      language: 'en_US',
    });
    const [read] = await fx.adapter.getCampaigns([created.nativeId], {});
    expect(read).toEqual(created);

    const stored = (await backendCall(fx.backend, 'GET', '/v2/campaign/getAll?resultSize=1')).body.data[0];
    expect(stored).toMatchObject({
      ID: Number(created.nativeId),
      Name: 'Autumn Orders',
      SendAt: '2026-09-10T15:00:00+03:00',
      TempMsgID: ORDER_TEMPLATE,
      Clients: [
        { AccountID: '+966500000001', Params: ['Aisha', 'ORD-1'] },
        { AccountID: '+966500000002', Params: ['Bilal', 'ORD-2'] },
      ],
    });

    fx.clock.advance(60_000);
    const updated = await facetOf(fx.adapter, 'campaignUpdate').update(created.nativeId, { name: 'Autumn Orders (moved)', scheduledAt: '2026-09-12T08:30:00+02:00' }, {});
    expect(updated).toMatchObject({ name: 'Autumn Orders (moved)', scheduledAt: '2026-09-12T06:30:00.000Z', status: 'SCHEDULED' });
    expect(updated.updatedAt! > created.updatedAt!).toBe(true);
    const moved = (await backendCall(fx.backend, 'GET', '/v2/campaign/getAll?resultSize=1')).body.data[0];
    expect(moved).toMatchObject({ Name: 'Autumn Orders (moved)', SendAt: '2026-09-12T09:30:00+03:00' });

    const renamed = await facetOf(fx.adapter, 'campaignUpdate').update(created.nativeId, { name: 'Autumn Orders v3', scheduledAt: null, description: null }, {});
    expect(renamed).toMatchObject({ name: 'Autumn Orders v3', scheduledAt: '2026-09-12T06:30:00.000Z' });

    await facetOf(fx.adapter, 'campaignDelete').delete(created.nativeId, {});
    expect(await fx.adapter.getCampaigns([created.nativeId], {})).toEqual([null]);
    const after = (await backendCall(fx.backend, 'GET', '/v2/campaign/getAll?resultSize=1000')).body.data;
    expect(after.map((c: { ID: number }) => c.ID)).not.toContain(Number(created.nativeId));
    await expect(facetOf(fx.adapter, 'campaignDelete').delete(created.nativeId, {})).rejects.toMatchObject({ code: 'NOT_FOUND', backend: 'broadcast' });
  });

  it('creates a campaign sent at once with its own message text and JSON payload', async () => {
    const payload = JSON.stringify({ to: '<accountID>', type: 'template', template: { name: 'custom_notice', components: [] } });
    const created = await facetOf(fx.adapter, 'campaignCreate').create(
      {
        name: 'Service Notice',
        message: 'Our branches close early today.',
        payload,
        recipients: [{ contactId: '+966500000011' }, { contactId: '+966500000012', params: null }],
      },
      {},
    );
    expect(created).toMatchObject({ status: 'ACTIVE', rawStatus: 'processing', scheduledAt: null, enrollmentCount: 2 });
    expect(created.touchpoints![0]).toMatchObject({
      name: null,
      message: {
        text: 'Our branches close early today.',
        templateId: null,
        payload: { to: '<accountID>', type: 'template', template: { name: 'custom_notice', components: [] } },
      },
    });
    const page = await facetOf(fx.adapter, 'enrollmentList').list(created.nativeId, { first: 10, after: null }, {});
    expect(page!.items.map((e) => e.params)).toEqual([[], []]);
  });

  const TWO = orderInput().recipients!;
  it.each<[string, Partial<CreateCampaignInput>, string, string]>([
    ['a blank name', { name: '   ' }, 'input.name', 'invalid request: name is required'],
    ['a blank name before too few clients (the backend order)', { name: '', recipients: TWO.slice(0, 1) }, 'input.name', 'invalid request: name is required'],
    ['one client', { recipients: TWO.slice(0, 1) }, 'input.recipients', 'invalid request: at least 2 clients required'],
    ['no clients', { recipients: null }, 'input.recipients', 'invalid request: at least 2 clients required'],
    ['an unknown template', { templateId: '00000000-0000-4000-8000-000000000000' }, 'input.templateId', 'invalid request: template not found'],
    ['neither template nor payload', { templateId: null }, 'input.templateId', 'invalid request: JSON or TempMsgID required'],
    [
      'fewer params than the payload has variables',
      { templateId: null, payload: '{"text":"{{1}} {{2}} {{3}}"}' },
      'input.recipients',
      'invalid request: not enough params for variables in JSON',
    ],
    [
      'params not matching the template',
      { recipients: [TWO[0]!, { contactId: '+966500000002', params: ['only one'] }] },
      'input.recipients',
      'invalid request: each client must have params for all template variables',
    ],
  ])('rejects %s with BAD_USER_INPUT on the right field, keeping the backend message, sent once', async (_what, overrides, field, message) => {
    const attempt = facetOf(fx.adapter, 'campaignCreate').create(orderInput(overrides), {});
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field, backend: 'broadcast' });
    await expect(attempt).rejects.toThrow(message);
    expect(fx.backend.requests.count(CREATE)).toBe(1);
  });

  it.each<[string, Partial<CreateCampaignInput>, string]>([
    ['a message that is not a string', { message: { text: 'hi' } }, 'input.message'],
    ['a description', { description: 'v2 has none' }, 'input.description'],
    ['a type', { type: 'BROADCAST' }, 'input.type'],
    ['another channel', { channels: ['SMS'] }, 'input.channels'],
    ['a second channel', { channels: ['WHATSAPP', 'SMS'] }, 'input.channels'],
    ['an end time', { endsAt: '2026-10-01T00:00:00.000Z' }, 'input.endsAt'],
    ['a workflow', { workflowId: 'wf_1' }, 'input.workflowId'],
    ['senders', { senders: { smsFrom: '+15550100' } }, 'input.senders'],
    ['settings', { settings: { throttle: 10 } }, 'input.settings'],
    ['a schedule that is not a date-time', { scheduledAt: 'next tuesday' }, 'input.scheduledAt'],
  ])('rejects %s before sending anything', async (_what, overrides, field) => {
    await expect(facetOf(fx.adapter, 'campaignCreate').create(orderInput(overrides), {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field, backend: 'broadcast' });
    expect(fx.backend.requests.count()).toBe(0);
  });

  it('answers CONFLICT, keeping the message, for an update of a campaign that is not scheduled', async () => {
    const attempt = facetOf(fx.adapter, 'campaignUpdate').update('384', { name: 'Renamed' }, {});
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', backend: 'broadcast' });
    await expect(attempt).rejects.toThrow('only scheduled campaigns can be updated (name and SendAt fields only)');
    const [unchanged] = await fx.adapter.getCampaigns(['384'], {});
    expect(unchanged).toMatchObject({ name: 'Eid al-Fitr Delivery Updates' });
  });

  it('answers NOT_FOUND for updates and deletes of unknown or malformed ids', async () => {
    await expect(facetOf(fx.adapter, 'campaignUpdate').update('999999', { name: 'x' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND', backend: 'broadcast' });
    await expect(facetOf(fx.adapter, 'campaignDelete').delete('999999', {})).rejects.toMatchObject({ code: 'NOT_FOUND', backend: 'broadcast' });
    expect(fx.backend.requests.count()).toBe(2);
    await expect(facetOf(fx.adapter, 'campaignUpdate').update('abc', { name: 'x' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(facetOf(fx.adapter, 'campaignDelete').delete('1e3', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fx.backend.requests.count()).toBe(2);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a description', { description: 'x' }, 'input.description'],
    ['a status', { status: 'PAUSED' }, 'input.status'],
    ['an end time', { endsAt: '2026-10-01T00:00:00.000Z' }, 'input.endsAt'],
    ['settings', { settings: {} }, 'input.settings'],
    ['a blank name', { name: '  ' }, 'input.name'],
    ['a schedule that is not a date-time', { scheduledAt: 'soon' }, 'input.scheduledAt'],
  ])('rejects an update with %s before sending anything', async (_what, input, field) => {
    await expect(facetOf(fx.adapter, 'campaignUpdate').update('386', input, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(fx.backend.requests.count()).toBe(0);
  });

  it('resends a failed message, which moves the counters, and refuses the others', async () => {
    const messages = (await facetOf(fx.adapter, 'messages').list('383', { first: 100, after: null }, {}))!.items;
    const failed = messages.find((m) => m.status === 'FAILED')!;
    const read = messages.find((m) => m.status === 'READ')!;
    const resent = await facetOf(fx.adapter, 'resend').resend({ campaignNativeId: '383', nativeId: failed.nativeId }, {});
    expect(resent).toMatchObject({ nativeId: failed.nativeId, campaignNativeId: '383', recipient: failed.recipient, status: 'PENDING', error: null, sentAt: null });
    const [campaign] = (await fx.adapter.getCampaigns(['383'], {})) as Campaign[];
    expect(campaign).toMatchObject({ status: 'ACTIVE', deliveryStats: { total: 8, sent: 7, delivered: 7, failed: 0 } });
    // The number is unreachable: the next ticks fail it again.
    fx.backend.advance(10);
    const [settled] = (await fx.adapter.getCampaigns(['383'], {})) as Campaign[];
    expect(settled).toMatchObject({ status: 'COMPLETED', deliveryStats: { failed: 1 } });

    const refused = facetOf(fx.adapter, 'resend').resend({ campaignNativeId: '383', nativeId: read.nativeId }, {});
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', backend: 'broadcast' });
    await expect(refused).rejects.toThrow('only failed messages can be resent');
    await expect(facetOf(fx.adapter, 'resend').resend({ campaignNativeId: '383', nativeId: 'CFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' }, {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
      backend: 'broadcast',
    });
  });

  it('never sends a mutation twice when the backend answers 500 or 502', async () => {
    const before = (await fx.adapter.listCampaigns(ALL, {})).items.length;
    const mutations: [string, RegExp, () => Promise<unknown>][] = [
      ['POST', /\/create$/, () => facetOf(fx.adapter, 'campaignCreate').create(orderInput(), {})],
      ['PUT', /\/update$/, () => facetOf(fx.adapter, 'campaignUpdate').update('386', { name: 'x' }, {})],
      ['DELETE', /\/delete$/, () => facetOf(fx.adapter, 'campaignDelete').delete('386', {})],
      ['POST', /\/resendMsg$/, () => facetOf(fx.adapter, 'resend').resend({ campaignNativeId: '385', nativeId: 'C0' }, {})],
    ];
    for (const [method, path, mutate] of mutations) {
      fx.backend.requests.clear();
      await fx.backend.faults.set({ kind: 'status500', times: 1 });
      await expect(mutate()).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'broadcast' });
      expect(fx.backend.requests.count({ method, path })).toBe(1);
    }
    fx.backend.requests.clear();
    fx.backend.failUpstream(1);
    await expect(facetOf(fx.adapter, 'campaignCreate').create(orderInput(), {})).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(fx.backend.requests.count(CREATE)).toBe(1);
    expect((await fx.adapter.listCampaigns(ALL, {})).items.length).toBe(before);
  });

  it('reads its own write within one request (the memo is dropped after a mutation)', async () => {
    const ctx = { cache: new UpstreamCache() };
    const before = await fx.adapter.listCampaigns(ALL, ctx);
    const created = await facetOf(fx.adapter, 'campaignCreate').create(orderInput({ name: 'Same Request' }), ctx);
    const after = await fx.adapter.listCampaigns(ALL, ctx);
    expect(after.items.length).toBe(before.items.length + 1);
    expect(after.items.map((i) => i.campaign.nativeId)).toContain(created.nativeId);
    expect(fx.backend.requests.count(GET_ALL)).toBe(2);
  });

  it('validates the message touchpoint with the shared touchpoint rules', async () => {
    expect(await facetOf(fx.adapter, 'touchpoints').validate({ campaignNativeId: '386', nativeId: 'message' }, {})).toEqual({ valid: true, errors: [] });
    const long = await facetOf(fx.adapter, 'campaignCreate').create(
      { name: 'Too Long', message: 'x'.repeat(5000), payload: '{}', recipients: orderInput().recipients! },
      {},
    );
    const verdict = await facetOf(fx.adapter, 'touchpoints').validate({ campaignNativeId: long.nativeId, nativeId: 'message' }, {});
    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toEqual([expect.stringContaining('4096')]);
    await expect(facetOf(fx.adapter, 'touchpoints').validate({ campaignNativeId: '386', nativeId: 'other' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(facetOf(fx.adapter, 'touchpoints').validate({ campaignNativeId: '999999', nativeId: 'message' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('v2 adapter error mapping of answers the reference backend cannot be made to give', () => {
  let stub: StubServer;
  let answer: Parameters<typeof startStub>[0];
  let adapter: ReturnType<typeof createAdapter>;
  beforeAll(async () => {
    stub = await startStub((request, response) => answer(request, response));
    adapter = createAdapter(stub.url, 'stub-key', 'stubbed');
  });
  afterAll(async () => {
    await adapter.close();
    await stub.close();
  });
  const input: CreateCampaignInput = { name: 'n', templateId: 't', recipients: [{ contactId: '+1' }, { contactId: '+2' }] };

  it.each([
    ['invalid request: SendAt must be RFC 3339', 'input.scheduledAt'],
    ['invalid request: json: cannot unmarshal number into Go struct field CreateCampaignRequest.Name of type string', 'input.name'],
    ['invalid request: json: cannot unmarshal string into Go struct field CampaignClient.Clients.Params of type []string', 'input.recipients'],
    ['invalid request: json: cannot unmarshal number into Go struct field CreateCampaignRequest.JSON of type string', 'input.payload'],
    ['invalid request: json: cannot unmarshal object into Go struct field CreateCampaignRequest.Message of type string', 'input.message'],
    ['invalid request: EOF', undefined],
  ])('maps the create answer 400 %j to BAD_USER_INPUT on %s', async (error, field) => {
    answer = (_req, res) => json(res, 400, { error });
    const attempt = facetOf(adapter, 'campaignCreate').create(input, {});
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field, backend: 'stubbed' });
    await expect(attempt).rejects.toThrow(error);
  });

  it('maps an update answer 400 about SendAt to input.scheduledAt', async () => {
    answer = (_req, res) => json(res, 400, { error: 'invalid request: SendAt must be RFC 3339' });
    await expect(facetOf(adapter, 'campaignUpdate').update('1', { scheduledAt: '2026-01-01T00:00:00Z' }, {})).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.scheduledAt',
    });
  });

  it('answers BACKEND_ERROR for a create answer that is not a campaign, or a status the contract does not give', async () => {
    answer = (_req, res) => json(res, 200, { ok: true });
    await expect(facetOf(adapter, 'campaignCreate').create(input, {})).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
    answer = (_req, res) => json(res, 409, { error: 'conflict' });
    await expect(facetOf(adapter, 'campaignCreate').create(input, {})).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
  });
});
