import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/reference-backends/shared/clock.js';
import { startV2Backend, type V2ReferenceBackend } from '../../src/reference-backends/v2/index.js';
import { seedCreatedAt } from '../../src/reference-backends/v2/seed-data.js';
import { allCampaigns, callV2, campaignById, ORDER_CONFIRMATION, validCreate } from './v2/v2-client.js';

/** A moment after every seeded createdAt; written by the backend as 2026-11-23T12:00:00+03:00. */
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

const CAMPAIGN_KEYS = [
  'ID', 'Name', 'TemplateName', 'Lang', 'CreatedAt', 'UpdatedAt', 'SendAt', 'Status', 'AgentID', 'Message', 'JSON',
  'SentCount', 'DeliveredCount', 'FailedCount', 'Total', 'Clients', 'CompanyID', 'ReportHeaders', 'TempMsgID', 'Error',
  'SocketKey',
];
const RFC3339_PLUS_3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/;

describe('v2 reference backend', () => {
  let backend: V2ReferenceBackend;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    backend = await startV2Backend({ clock });
  });
  afterEach(async () => {
    await backend.close();
  });

  describe('identity and auth', () => {
    it('describes itself as a v2 config entry', () => {
      expect(backend.kind).toBe('v2');
      expect(backend.credentials).toEqual({ apiKey: 'v2-demo-api-key' });
      expect(backend.configEntry('broadcast')).toEqual({
        name: 'broadcast',
        kind: 'v2',
        baseUrl: backend.url,
        apiKey: 'v2-demo-api-key',
      });
    });

    it('answers 401 unauthorized without X-API-Key or with a wrong one', async () => {
      for (const apiKey of [null, 'wrong-key']) {
        const answer = await callV2(backend, 'GET', '/v2/campaign/getAll', { apiKey });
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual({ error: 'unauthorized' });
        expect(answer.headers['content-type']).toBe('application/json');
      }
    });

    it('accepts a configured api key', async () => {
      const custom = await startV2Backend({ apiKey: 'k-123', seed: false });
      try {
        expect((await callV2(custom, 'GET', '/v2/campaign/getAll')).status).toBe(200);
        expect((await callV2(custom, 'GET', '/v2/campaign/getAll', { apiKey: 'v2-demo-api-key' })).status).toBe(401);
      } finally {
        await custom.close();
      }
    });

    it('answers an unknown route or method with 404 JSON', async () => {
      const unknown = await callV2(backend, 'GET', '/v2/campaign/get?id=385');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ error: 'not found' });
      const wrongMethod = await callV2(backend, 'GET', '/v2/campaign/create');
      expect(wrongMethod.status).toBe(404);
      expect(wrongMethod.body).toEqual({ error: 'not found' });
    });
  });

  describe('getAll', () => {
    it('lists the ten seeded campaigns newest first with every CampaignResponse field', async () => {
      const answer = await callV2(backend, 'GET', '/v2/campaign/getAll');
      expect(answer.status).toBe(200);
      expect(answer.body.count).toBe(10);
      expect(answer.body.data.map((c: { ID: number }) => c.ID)).toEqual([389, 388, 387, 386, 385, 384, 383, 382, 381, 380]);
      for (const campaign of answer.body.data) {
        expect(Object.keys(campaign)).toEqual(CAMPAIGN_KEYS);
        expect(campaign.CreatedAt).toMatch(RFC3339_PLUS_3);
        expect(campaign.UpdatedAt).toMatch(RFC3339_PLUS_3);
        expect(campaign.Total).toBe(campaign.Clients.length);
      }
      const oldest = answer.body.data[9];
      expect(oldest.CreatedAt).toBe('2026-01-11T12:37:00+03:00');
      expect(Date.parse(oldest.CreatedAt)).toBe(seedCreatedAt(0));
      const statuses = answer.body.data.map((c: { Status: string }) => c.Status);
      expect(statuses.filter((s: string) => s === 'completed').length).toBeGreaterThanOrEqual(4);
      expect(statuses.filter((s: string) => s === 'scheduled')).toHaveLength(2);
      expect(statuses).toContain('processing');
      expect(statuses).toContain('failed');
    });

    it('limits the list with resultSize and counts what it returns', async () => {
      const answer = await callV2(backend, 'GET', '/v2/campaign/getAll?resultSize=3');
      expect(answer.status).toBe(200);
      expect(answer.body.count).toBe(3);
      expect(answer.body.data.map((c: { ID: number }) => c.ID)).toEqual([389, 388, 387]);
    });

    it('rejects a non-numeric resultSize with 400', async () => {
      const answer = await callV2(backend, 'GET', '/v2/campaign/getAll?resultSize=ten');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: 'invalid request: resultSize must be a number' });
    });

    it('writes times in the configured offset', async () => {
      const utc = await startV2Backend({ clock, utcOffsetMinutes: 0 });
      const india = await startV2Backend({ clock, utcOffsetMinutes: 330 });
      try {
        expect((await campaignById(utc, 380)).CreatedAt).toBe('2026-01-11T09:37:00Z');
        expect((await campaignById(india, 380)).CreatedAt).toBe('2026-01-11T15:07:00+05:30');
      } finally {
        await utc.close();
        await india.close();
      }
    });
  });

  describe('create', () => {
    it('creates from TempMsgID alone, filling Message, JSON, TemplateName and Lang from the template', async () => {
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() });
      expect(answer.status).toBe(200);
      const template = backend.templates.find((t) => t.id === ORDER_CONFIRMATION);
      expect(answer.body).toEqual({
        ID: 390,
        Name: 'Order Confirmation Campaign',
        TemplateName: 'order_confirmation',
        Lang: 'en_US',
        CreatedAt: '2026-11-23T12:00:00+03:00',
        UpdatedAt: '2026-11-23T12:00:00+03:00',
        SendAt: '',
        Status: 'processing',
        AgentID: 27,
        Message: template?.body,
        JSON: template?.json,
        SentCount: 0,
        DeliveredCount: 0,
        FailedCount: 0,
        Total: 2,
        Clients: [
          { AccountID: '+966539078942', Params: ['John', 'ORD-12345'] },
          { AccountID: '+966501234568', Params: ['Mona', 'ORD-12346'] },
        ],
        CompanyID: 4,
        ReportHeaders: null,
        TempMsgID: ORDER_CONFIRMATION,
        Error: '',
        SocketKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect((await allCampaigns(backend))[0].ID).toBe(390);
    });

    it('escapes <, > and & in strings as Go does', async () => {
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() });
      expect(answer.text).toContain('\\u003caccountID\\u003e');
      expect(answer.text.endsWith('}\n')).toBe(true);
    });

    it('keeps a given Message and JSON over the template', async () => {
      const json = '{ "to": "<accountID>", "type": "template", "template": { "name": "order_confirmation", "components": [] } }';
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', {
        body: validCreate({ message: 'Thank you for your order, John!', JSON: json }),
      });
      expect(answer.status).toBe(200);
      expect(answer.body.Message).toBe('Thank you for your order, John!');
      expect(answer.body.JSON).toBe(json);
      expect(answer.body.TemplateName).toBe('order_confirmation');
    });

    it('creates from JSON alone without a template', async () => {
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', {
        body: {
          name: 'Raw payload',
          JSON: '{"text":"Hello {{1}}, your code is {{2}}"}',
          clients: [
            { accountID: '+966539078942', params: ['Ali', '4411'] },
            { accountID: '+966501234568', params: [] },
          ],
        },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ TemplateName: '', Lang: '', TempMsgID: '', Message: '', Total: 2 });
      expect(answer.body.Clients[1]).toEqual({ AccountID: '+966501234568', Params: [] });
    });

    it('schedules a campaign whose SendAt is in the future and writes SendAt in the server offset', async () => {
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', {
        body: validCreate({ SendAt: '2026-11-25T11:31:25.000Z' }),
      });
      expect(answer.status).toBe(200);
      expect(answer.body.Status).toBe('scheduled');
      expect(answer.body.SendAt).toBe('2026-11-25T14:31:25+03:00');
    });

    it('starts at once when SendAt is in the past', async () => {
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', {
        body: validCreate({ SendAt: '2026-11-20T10:00:00+03:00' }),
      });
      expect(answer.body.Status).toBe('processing');
      expect(answer.body.SendAt).toBe('2026-11-20T10:00:00+03:00');
    });

    it('never reuses an id, even after a delete', async () => {
      const first = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() });
      await callV2(backend, 'DELETE', '/v2/campaign/delete', { body: { id: first.body.ID } });
      const second = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() });
      expect(second.body.ID).toBe(first.body.ID + 1);
    });

    it('answers 502 when the messaging provider fails, and stores nothing', async () => {
      backend.failUpstream();
      const failed = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() });
      expect(failed.status).toBe(502);
      expect(failed.body).toEqual({ error: 'upstream service call failed' });
      expect(await allCampaigns(backend)).toHaveLength(10);
      expect((await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() })).status).toBe(200);
    });
  });

  describe('delete', () => {
    it('returns the deleted campaign, then 404 for it', async () => {
      const before = await campaignById(backend, 384);
      const answer = await callV2(backend, 'DELETE', '/v2/campaign/delete', { body: { id: 384 } });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(before);
      expect(await campaignById(backend, 384)).toBeUndefined();
      const again = await callV2(backend, 'DELETE', '/v2/campaign/delete', { body: { id: 384 } });
      expect(again.status).toBe(404);
      expect(again.body).toEqual({ error: 'campaign not found' });
      const messages = await callV2(backend, 'GET', '/v2/campaign/getCampMsgs?campaignID=384');
      expect(messages.status).toBe(404);
    });
  });

  describe('update', () => {
    it('changes name and SendAt of a scheduled campaign and ignores other fields', async () => {
      const before = await campaignById(backend, 389);
      expect(before.Status).toBe('scheduled');
      clock.advance(60_000);
      const answer = await callV2(backend, 'PUT', '/v2/campaign/update', {
        body: { id: 389, name: 'test22', SendAt: '2026-12-04T11:31:25.000Z', Message: 'ignored', Status: 'completed' },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        ...before,
        Name: 'test22',
        SendAt: '2026-12-04T14:31:25+03:00',
        UpdatedAt: '2026-11-23T12:01:00+03:00',
      });
      expect(await campaignById(backend, 389)).toEqual(answer.body);
    });

    it('keeps fields the request leaves empty', async () => {
      const before = await campaignById(backend, 389);
      const answer = await callV2(backend, 'PUT', '/v2/campaign/update', { body: { id: 389, name: 'Renamed only' } });
      expect(answer.body.Name).toBe('Renamed only');
      expect(answer.body.SendAt).toBe(before.SendAt);
    });

    it('refuses a campaign that is not scheduled and leaves it unchanged', async () => {
      for (const id of [380, 388]) {
        const before = await campaignById(backend, id);
        const answer = await callV2(backend, 'PUT', '/v2/campaign/update', {
          body: { id, name: 'new name', SendAt: '2026-12-04T11:31:25Z' },
        });
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ error: 'only scheduled campaigns can be updated (name and SendAt fields only)' });
        expect(await campaignById(backend, id)).toEqual(before);
      }
    });

    it('answers 404 for an unknown id and 400 for a SendAt that is not RFC 3339', async () => {
      const unknown = await callV2(backend, 'PUT', '/v2/campaign/update', { body: { id: 9999, name: 'x' } });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ error: 'campaign not found' });
      const badTime = await callV2(backend, 'PUT', '/v2/campaign/update', { body: { id: 389, SendAt: 'tomorrow' } });
      expect(badTime.status).toBe(400);
      expect(badTime.body).toEqual({ error: 'invalid request: SendAt must be RFC 3339' });
    });
  });

  describe('getCampMsgs', () => {
    it('lists a campaign’s messages in client order', async () => {
      const answer = await callV2(backend, 'GET', '/v2/campaign/getCampMsgs?campaignID=388');
      expect(answer.status).toBe(200);
      expect(answer.body.count).toBe(12);
      const campaign = await campaignById(backend, 388);
      expect(answer.body.data.map((m: { AccountID: string }) => m.AccountID)).toEqual(
        campaign.Clients.map((c: { AccountID: string }) => c.AccountID),
      );
      for (const message of answer.body.data) {
        expect(Object.keys(message)).toEqual(['MessageKey', 'CampaignID', 'AccountID', 'Status', 'Error', 'SentAt', 'UpdatedAt']);
        expect(message.MessageKey).toMatch(/^C[0-9A-F]{29}$/);
        expect(message.CampaignID).toBe(388);
      }
      const unreachable = answer.body.data.find((m: { AccountID: string }) => m.AccountID === '+966570031447');
      expect(unreachable).toMatchObject({ Status: 'failed', Error: 'recipient unreachable', SentAt: '' });
    });

    it('honours resultSize', async () => {
      const answer = await callV2(backend, 'GET', '/v2/campaign/getCampMsgs?campaignID=388&resultSize=5');
      expect(answer.body.count).toBe(5);
      expect(answer.body.data).toHaveLength(5);
    });

    it('requires a numeric campaignID of an existing campaign', async () => {
      const missing = await callV2(backend, 'GET', '/v2/campaign/getCampMsgs');
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual({ error: 'invalid request: campaignID is required' });
      const notNumber = await callV2(backend, 'GET', '/v2/campaign/getCampMsgs?campaignID=abc');
      expect(notNumber.status).toBe(400);
      expect(notNumber.body).toEqual({ error: 'invalid request: campaignID must be a number' });
      const unknown = await callV2(backend, 'GET', '/v2/campaign/getCampMsgs?campaignID=12');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ error: 'campaign not found' });
    });
  });

  describe('resendMsg', () => {
    async function messageOf(campaignId: number, accountId: string) {
      const answer = await callV2(backend, 'GET', `/v2/campaign/getCampMsgs?campaignID=${campaignId}`);
      return answer.body.data.find((m: { AccountID: string }) => m.AccountID === accountId);
    }

    it('puts a failed message back to pending and recomputes the counters', async () => {
      const before = await campaignById(backend, 388);
      expect(before).toMatchObject({ SentCount: 9, DeliveredCount: 6, FailedCount: 2, Total: 12 });
      const failedAfterSend = await messageOf(388, '+966598860233');
      expect(failedAfterSend).toMatchObject({ Status: 'failed', Error: 'message undeliverable' });
      expect(failedAfterSend.SentAt).not.toBe('');

      clock.advance(5 * 60_000);
      const answer = await callV2(backend, 'POST', '/v2/campaign/resendMsg', { body: { messageKey: failedAfterSend.MessageKey } });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        ...failedAfterSend,
        Status: 'pending',
        Error: '',
        SentAt: '',
        UpdatedAt: '2026-11-23T12:05:00+03:00',
      });
      const after = await campaignById(backend, 388);
      expect(after).toMatchObject({ SentCount: 8, DeliveredCount: 6, FailedCount: 1, Status: 'processing' });
      expect(after.UpdatedAt).toBe('2026-11-23T12:05:00+03:00');
    });

    it('turns a completed campaign back to processing', async () => {
      const failed = await messageOf(381, '+966598860233');
      await callV2(backend, 'POST', '/v2/campaign/resendMsg', { body: { messageKey: failed.MessageKey } });
      expect(await campaignById(backend, 381)).toMatchObject({ Status: 'processing', FailedCount: 0, SentCount: 4 });
    });

    it('resends only failed messages', async () => {
      for (const accountId of ['+966539078942', '+97466104450', '+201001234566']) {
        const message = await messageOf(388, accountId);
        expect(message.Status).not.toBe('failed');
        const answer = await callV2(backend, 'POST', '/v2/campaign/resendMsg', { body: { messageKey: message.MessageKey } });
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ error: 'only failed messages can be resent' });
      }
    });

    it('answers 404 for an unknown message key', async () => {
      const answer = await callV2(backend, 'POST', '/v2/campaign/resendMsg', {
        body: { messageKey: 'C030200170205C476A3B882B2702FF' },
      });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: 'message not found' });
    });
  });

  describe('fault switches', () => {
    it('answers 500 once, then normally', async () => {
      await backend.faults.set({ kind: 'status500', times: 1 });
      const failed = await callV2(backend, 'GET', '/v2/campaign/getAll');
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ error: 'internal server error' });
      expect((await callV2(backend, 'GET', '/v2/campaign/getAll')).status).toBe(200);
    });

    it('answers 429 with Retry-After while rate limiting', async () => {
      await backend.faults.set({ kind: 'rateLimit', retryAfterSeconds: 7 });
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() });
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('7');
      await backend.faults.clear();
      expect(await allCampaigns(backend)).toHaveLength(10);
    });

    it('answers an HTML page when the non-JSON fault is on', async () => {
      await backend.faults.set({ kind: 'nonJson', times: 1 });
      const answer = await callV2(backend, 'GET', '/v2/campaign/getAll');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html');
      expect(answer.body).toBeUndefined();
    });

    it('answers the v2 unauthorized body when the unauthorized fault is on', async () => {
      await backend.faults.set({ kind: 'unauthorized', times: 1 });
      const answer = await callV2(backend, 'GET', '/v2/campaign/getAll');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'unauthorized' });
    });

    it('logs every request', async () => {
      await callV2(backend, 'GET', '/v2/campaign/getAll?resultSize=2');
      expect(backend.requests.count({ method: 'GET', path: '/v2/campaign/getAll' })).toBe(1);
      expect(backend.requests.list()[0]?.query).toEqual({ resultSize: '2' });
    });
  });
});

describe('v2 reference backend with many campaigns', () => {
  let backend: V2ReferenceBackend;

  beforeAll(async () => {
    backend = await startV2Backend({ seed: false, clock: new ManualClock(NOW) });
    for (let batch = 0; batch < 21; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate({ name: `Bulk ${batch * 50 + i}` }) }),
        ),
      );
    }
  });
  afterAll(async () => {
    await backend.close();
  });

  it('returns 100 campaigns by default', async () => {
    const answer = await callV2(backend, 'GET', '/v2/campaign/getAll');
    expect(answer.body.count).toBe(100);
    expect(answer.body.data).toHaveLength(100);
    expect(answer.body.data[0].ID).toBe(380 + 1049);
  });

  it('caps resultSize at 1000', async () => {
    const answer = await callV2(backend, 'GET', '/v2/campaign/getAll?resultSize=5000');
    expect(answer.body.count).toBe(1000);
    expect(answer.body.data).toHaveLength(1000);
  });
});

describe('v2 reference backend without seed', () => {
  it('starts with no campaigns but knows the templates', async () => {
    const backend = await startV2Backend({ seed: false });
    try {
      const answer = await callV2(backend, 'GET', '/v2/campaign/getAll');
      expect(answer.body).toEqual({ data: [], count: 0 });
      expect(backend.templates.length).toBeGreaterThanOrEqual(3);
      const created = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate() });
      expect(created.body.ID).toBe(380);
    } finally {
      await backend.close();
    }
  });

  it('accepts extra templates', async () => {
    const backend = await startV2Backend({
      seed: false,
      templates: [{ id: '00000000-0000-4000-8000-000000000001', name: 'otp', language: 'en', body: 'Code {{1}}', json: '{}' }],
    });
    try {
      const answer = await callV2(backend, 'POST', '/v2/campaign/create', {
        body: {
          name: 'OTP',
          TempMsgID: '00000000-0000-4000-8000-000000000001',
          clients: [
            { accountID: '+15550001', params: ['1234'] },
            { accountID: '+15550002', params: ['9876'] },
          ],
        },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ TemplateName: 'otp', Lang: 'en', Message: 'Code {{1}}', JSON: '{}' });
    } finally {
      await backend.close();
    }
  });
});
