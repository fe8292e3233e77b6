import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { call } from './http.js';

const SPRING = 'cmp_5eed00000000000000000003';

describe('touchpoint backend: campaigns', () => {
  let backend: TouchpointReferenceBackend;
  const clock = new ManualClock(Date.UTC(2026, 8, 1, 12, 0, 0));

  beforeAll(async () => {
    backend = await startTouchpointBackend({ clock });
  });
  afterAll(async () => {
    await backend.close();
  });

  it('gets one campaign by id', async () => {
    const answer = await call(backend, 'GET', `/v1/campaigns/${SPRING}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      _id: SPRING,
      name: 'Spring Collection Launch',
      status: 'completed',
      channel_type: 'email',
      created_at: '2026-03-12T10:51:00.000Z',
      updated_at: '2026-04-11T10:51:00.000Z',
    });
  });

  it('answers 404 for an unknown campaign', async () => {
    const answer = await call(backend, 'GET', '/v1/campaigns/cmp_missing');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: 'not_found', message: 'No campaign with id cmp_missing.' } });
  });

  it('creates a draft campaign stamped with the clock', async () => {
    const answer = await call(backend, 'POST', '/v1/campaigns', { name: 'Q4 Holiday Countdown', channel_type: 'whatsapp' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      _id: expect.stringMatching(/^cmp_[0-9a-f]{24}$/),
      name: 'Q4 Holiday Countdown',
      status: 'draft',
      channel_type: 'whatsapp',
      created_at: '2026-09-01T12:00:00.000Z',
      updated_at: '2026-09-01T12:00:00.000Z',
    });
    const fetched = await call(backend, 'GET', `/v1/campaigns/${answer.body._id}`);
    expect(fetched.body).toEqual(answer.body);
    const first = await call(backend, 'GET', '/v1/campaigns?limit=1');
    expect(first.body.data).toEqual([answer.body]);
  });

  it('ignores fields it does not know, including status', async () => {
    const answer = await call(backend, 'POST', '/v1/campaigns', { name: 'Flash', channel_type: 'sms', status: 'active', extra: 1 });
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('draft');
    expect(answer.body).not.toHaveProperty('extra');
  });

  describe('create refuses a body without its required fields', () => {
    const cases: Array<[string, unknown, string, string]> = [
      ['no name', { channel_type: 'email' }, 'name is required.', 'name'],
      ['a null name', { name: null, channel_type: 'email' }, 'name is required.', 'name'],
      ['a name that is not a string', { name: 42, channel_type: 'email' }, 'name must be a string.', 'name'],
      ['a blank name', { name: '  ', channel_type: 'email' }, 'name must not be blank.', 'name'],
      ['no channel_type', { name: 'Spring' }, 'channel_type is required.', 'channel_type'],
      ['an unknown channel_type', { name: 'Spring', channel_type: 'push' }, 'channel_type must be one of: whatsapp, email, sms.', 'channel_type'],
      ['a channel_type that is not a string', { name: 'Spring', channel_type: 3 }, 'channel_type must be one of: whatsapp, email, sms.', 'channel_type'],
      ['neither field (name is reported first)', {}, 'name is required.', 'name'],
    ];
    it.each(cases)('%s', async (_label, body, message, param) => {
      const answer = await call(backend, 'POST', '/v1/campaigns', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid_request', message, param } });
    });
  });

  it('deletes a campaign together with its touchpoints', async () => {
    const { body: campaign } = await call(backend, 'POST', '/v1/campaigns', { name: 'Short-lived', channel_type: 'email' });
    const created = [];
    for (const name of ['Intro', 'Follow-up']) {
      const answer = await call(backend, 'POST', '/v1/touchpoints', {
        name,
        type: 'message',
        campaign_id: campaign._id,
        message: { subject: name, text: 'Hello' },
      });
      created.push(answer.body._id as string);
    }
    const totalBefore = (await call(backend, 'GET', '/v1/touchpoints?limit=100')).body.data.length;

    const deleted = await call(backend, 'DELETE', `/v1/campaigns/${campaign._id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');

    expect((await call(backend, 'GET', `/v1/campaigns/${campaign._id}`)).status).toBe(404);
    for (const id of created) {
      const answer = await call(backend, 'GET', `/v1/touchpoints/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'not_found', message: `No touchpoint with id ${id}.` } });
    }
    const remaining = (await call(backend, 'GET', '/v1/touchpoints?limit=100')).body.data;
    expect(remaining).toHaveLength(totalBefore - 2);
    const filtered = await call(backend, 'GET', `/v1/touchpoints?campaign_id=${campaign._id}`);
    expect(filtered.status).toBe(404);
    expect(filtered.body).toEqual({
      error: { code: 'not_found', message: `No campaign with id ${campaign._id}.`, param: 'campaign_id' },
    });
  });

  it('answers 404 when deleting an unknown campaign', async () => {
    const answer = await call(backend, 'DELETE', '/v1/campaigns/cmp_missing');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: 'not_found', message: 'No campaign with id cmp_missing.' } });
  });
});
