import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, Message } from '../../../src/model/unified.js';
import { UpstreamCache } from '../../../src/adapters/http/upstream-cache.js';
import type { CampaignListQuery } from '../../../src/adapters/adapter.js';
import { GatewayError } from '../../../src/model/errors.js';
import { describeAdapterConformance } from '../../conformance/adapter-conformance.js';
import { createAdapter, json, startStub, startV2Fixture, type StubServer, type V2Fixture } from './fixture.js';

const ALL: CampaignListQuery = {
  order: { field: 'CREATED_AT', direction: 'DESC' },
  filter: {},
  after: null,
  resume: null,
  limit: 21,
};

const GET_ALL = { method: 'GET', path: '/v2/campaign/getAll' } as const;

describeAdapterConformance('v2', {
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
  capabilities: ['TOUCHPOINTS', 'MESSAGES', 'DELIVERY_STATS'],
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
    await fx.adapter.listTouchpoints!(['383'], ctx);
    await fx.adapter.listEnrollments!('383', { first: 2, after: null }, ctx);
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
    const [tp, other] = await fx.adapter.getTouchpoints!(
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
      const page = await fx.adapter.listEnrollments!('383', { first: 3, after }, {});
      expect(page!.totalCount).toBe(8);
      seen.push(...page!.items.map((e) => e.contactId));
      after = page!.next;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(seen[0]).toBe('+966539078942');
    const [first] = (await fx.adapter.listEnrollments!('383', { first: 1, after: null }, {}))!.items;
    expect(first).toEqual({ backend: 'broadcast', campaignNativeId: '383', contactId: '+966539078942', params: ['فيصل', 'KAREEM25', '25%'] });
  });

  it('answers enrollments of an unknown campaign with null and rejects a foreign cursor', async () => {
    expect(await fx.adapter.listEnrollments!('999999', { first: 3, after: null }, {})).toBeNull();
    await expect(fx.adapter.listEnrollments!('383', { first: 3, after: 'not-ours' }, {})).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('pages messages from getCampMsgs (resultSize=1000)', async () => {
    const all: Message[] = [];
    let after: string | null = null;
    do {
      const page = await fx.adapter.listMessages!('383', { first: 5, after }, {});
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
    expect(await fx.adapter.listMessages!('999999', { first: 5, after: null }, {})).toBeNull();
    expect(await fx.adapter.listMessages!('x1', { first: 5, after: null }, {})).toBeNull();
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
    const messages = (await fx.adapter.listMessages!('388', { first: 100, after: null }, {}))!.items;
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
      await expect(adapter.listMessages!('1', { first: 5, after: null }, {})).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: 'stubbed' });
    } finally {
      await adapter.close();
    }
  });
});
