import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { call } from './http.js';

const ONBOARDING = 'cmp_5eed00000000000000000005';

describe('touchpoint backend: touchpoints', () => {
  let backend: TouchpointReferenceBackend;
  const clock = new ManualClock(Date.UTC(2026, 8, 1, 12, 0, 0));

  beforeAll(async () => {
    backend = await startTouchpointBackend({ clock });
  });
  afterAll(async () => {
    await backend.close();
  });

  /** The names of a campaign's touchpoints in list order, after checking positions are 0..n-1. */
  async function namesInOrder(campaignId: string): Promise<string[]> {
    const answer = await call(backend, 'GET', `/v1/touchpoints?campaign_id=${campaignId}`);
    expect(answer.status).toBe(200);
    const data = answer.body.data as Array<{ name: string; position: number }>;
    expect(data.map((t) => t.position)).toEqual(data.map((_, i) => i));
    return data.map((t) => t.name);
  }

  it('lists a campaign’s touchpoints in position order', async () => {
    expect(await namesInOrder(ONBOARDING)).toEqual([
      'Welcome Message',
      'Wait a day',
      'Feature tour',
      'Mark onboarded',
      'Ask for a review',
    ]);
  });

  it('gets one touchpoint by id', async () => {
    const answer = await call(backend, 'GET', '/v1/touchpoints/tp_5eed00000000000000000050');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      _id: 'tp_5eed00000000000000000050',
      name: 'Welcome Message',
      type: 'message',
      campaign_id: ONBOARDING,
      message: { text: 'Hi! Welcome to our service.' },
      position: 0,
      created_at: '2026-04-29T11:11:00.000Z',
    });
  });

  it('answers 404 for an unknown touchpoint', async () => {
    const answer = await call(backend, 'GET', '/v1/touchpoints/tp_missing');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: 'not_found', message: 'No touchpoint with id tp_missing.' } });
  });

  describe('create', () => {
    let campaignId: string;
    beforeEach(async () => {
      campaignId = (await call(backend, 'POST', '/v1/campaigns', { name: 'Create test', channel_type: 'sms' })).body._id;
    });

    it('appends touchpoints: each gets the count before it as position', async () => {
      const first = await call(backend, 'POST', '/v1/touchpoints', {
        name: 'Hello',
        type: 'message',
        campaign_id: campaignId,
        message: 'Hi there',
      });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        _id: expect.stringMatching(/^tp_[0-9a-f]{24}$/),
        name: 'Hello',
        type: 'message',
        campaign_id: campaignId,
        message: 'Hi there',
        position: 0,
        created_at: '2026-09-01T12:00:00.000Z',
      });
      const second = await call(backend, 'POST', '/v1/touchpoints', {
        name: 'Pause',
        type: 'delay',
        campaign_id: campaignId,
        message: { duration: 'PT6H' },
      });
      expect(second.status).toBe(201);
      expect(second.body.position).toBe(1);
      expect(second.body.message).toEqual({ duration: 'PT6H' });
      expect((await call(backend, 'GET', `/v1/touchpoints/${first.body._id}`)).body).toEqual(first.body);
      expect(await namesInOrder(campaignId)).toEqual(['Hello', 'Pause']);
    });

    it('accepts a message that validation would flag: validation never blocks writes', async () => {
      const answer = await call(backend, 'POST', '/v1/touchpoints', {
        name: 'Empty',
        type: 'message',
        campaign_id: campaignId,
        message: '',
      });
      expect(answer.status).toBe(201);
      expect(answer.body.message).toBe('');
    });

    const valid = { name: 'Hello', type: 'message', campaign_id: 'set below', message: 'Hi' };
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['no name', { name: undefined }, 'name is required.', 'name'],
      ['a name that is not a string', { name: ['Hello'] }, 'name must be a string.', 'name'],
      ['a blank name', { name: '' }, 'name must not be blank.', 'name'],
      ['no type', { type: undefined }, 'type is required.', 'type'],
      ['an unknown type', { type: 'email' }, 'type must be one of: message, action, delay.', 'type'],
      ['no campaign_id', { campaign_id: undefined }, 'campaign_id is required.', 'campaign_id'],
      ['a campaign_id that is not a string', { campaign_id: 7 }, 'campaign_id must be a string.', 'campaign_id'],
      ['no message', { message: undefined }, 'message is required.', 'message'],
      ['a null message', { message: null }, 'message is required.', 'message'],
      ['a numeric message', { message: 12 }, 'message must be a string or an object.', 'message'],
      ['an array message', { message: ['Hi'] }, 'message must be a string or an object.', 'message'],
    ];
    it.each(cases)('refuses %s', async (_label, override, message, param) => {
      const body = { ...valid, campaign_id: campaignId, ...override };
      const answer = await call(backend, 'POST', '/v1/touchpoints', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid_request', message, param } });
      expect(await namesInOrder(campaignId)).toEqual([]);
    });

    it('answers 404 with param campaign_id for an unknown campaign', async () => {
      const answer = await call(backend, 'POST', '/v1/touchpoints', { ...valid, campaign_id: 'cmp_missing' });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        error: { code: 'not_found', message: 'No campaign with id cmp_missing.', param: 'campaign_id' },
      });
    });
  });

  describe('update and delete', () => {
    let campaignId: string;
    let ids: Record<string, string>;
    beforeEach(async () => {
      campaignId = (await call(backend, 'POST', '/v1/campaigns', { name: 'Order test', channel_type: 'whatsapp' })).body._id;
      ids = {};
      for (const name of ['A', 'B', 'C', 'D', 'E']) {
        const answer = await call(backend, 'POST', '/v1/touchpoints', { name, type: 'message', campaign_id: campaignId, message: name });
        ids[name] = answer.body._id;
      }
    });

    it('changes name, type and message and leaves the rest alone', async () => {
      const before = (await call(backend, 'GET', `/v1/touchpoints/${ids.B}`)).body;
      const answer = await call(backend, 'PATCH', `/v1/touchpoints/${ids.B}`, {
        name: 'Updated Welcome Message',
        type: 'action',
        message: { text: 'Hi! Great to have you here.' },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        ...before,
        name: 'Updated Welcome Message',
        type: 'action',
        message: { text: 'Hi! Great to have you here.' },
      });
      expect((await call(backend, 'GET', `/v1/touchpoints/${ids.B}`)).body).toEqual(answer.body);
    });

    it('treats an empty patch as no change', async () => {
      const before = (await call(backend, 'GET', `/v1/touchpoints/${ids.C}`)).body;
      const answer = await call(backend, 'PATCH', `/v1/touchpoints/${ids.C}`, {});
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(before);
    });

    it('moves a touchpoint later and renumbers the others', async () => {
      const answer = await call(backend, 'PATCH', `/v1/touchpoints/${ids.B}`, { position: 3 });
      expect(answer.status).toBe(200);
      expect(answer.body.position).toBe(3);
      expect(await namesInOrder(campaignId)).toEqual(['A', 'C', 'D', 'B', 'E']);
    });

    it('moves a touchpoint earlier and renumbers the others', async () => {
      const answer = await call(backend, 'PATCH', `/v1/touchpoints/${ids.E}`, { position: 0 });
      expect(answer.body.position).toBe(0);
      expect(await namesInOrder(campaignId)).toEqual(['E', 'A', 'B', 'C', 'D']);
      expect((await call(backend, 'GET', `/v1/touchpoints/${ids.D}`)).body.position).toBe(4);
    });

    it('accepts the current position and the last one', async () => {
      expect((await call(backend, 'PATCH', `/v1/touchpoints/${ids.C}`, { position: 2 })).body.position).toBe(2);
      expect((await call(backend, 'PATCH', `/v1/touchpoints/${ids.A}`, { position: 4 })).body.position).toBe(4);
      expect(await namesInOrder(campaignId)).toEqual(['B', 'C', 'D', 'E', 'A']);
    });

    const badPositions: Array<[string, unknown, string]> = [
      ['past the end', 5, 'position must be between 0 and 4.'],
      ['negative', -1, 'position must be between 0 and 4.'],
      ['fractional', 1.5, 'position must be an integer.'],
      ['a string', '2', 'position must be an integer.'],
    ];
    it.each(badPositions)('refuses a position %s', async (_label, position, message) => {
      const answer = await call(backend, 'PATCH', `/v1/touchpoints/${ids.A}`, { position, name: 'Not applied' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid_request', message, param: 'position' } });
      expect(await namesInOrder(campaignId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    });

    const badFields: Array<[string, Record<string, unknown>, string, string]> = [
      ['a blank name', { name: ' ' }, 'name must not be blank.', 'name'],
      ['an unknown type', { type: 'sms' }, 'type must be one of: message, action, delay.', 'type'],
      ['a boolean message', { message: true }, 'message must be a string or an object.', 'message'],
    ];
    it.each(badFields)('refuses %s', async (_label, body, message, param) => {
      const answer = await call(backend, 'PATCH', `/v1/touchpoints/${ids.A}`, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid_request', message, param } });
    });

    it('answers 404 when patching an unknown touchpoint', async () => {
      const answer = await call(backend, 'PATCH', '/v1/touchpoints/tp_missing', { name: 'x' });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'not_found', message: 'No touchpoint with id tp_missing.' } });
    });

    it('deletes a touchpoint and closes the gap', async () => {
      const answer = await call(backend, 'DELETE', `/v1/touchpoints/${ids.B}`);
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
      expect((await call(backend, 'GET', `/v1/touchpoints/${ids.B}`)).status).toBe(404);
      expect(await namesInOrder(campaignId)).toEqual(['A', 'C', 'D', 'E']);
      expect((await call(backend, 'GET', `/v1/touchpoints/${ids.E}`)).body.position).toBe(3);
      const appended = await call(backend, 'POST', '/v1/touchpoints', { name: 'F', type: 'delay', campaign_id: campaignId, message: '1h' });
      expect(appended.body.position).toBe(4);
    });

    it('answers 404 when deleting an unknown touchpoint', async () => {
      const answer = await call(backend, 'DELETE', '/v1/touchpoints/tp_missing');
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'not_found', message: 'No touchpoint with id tp_missing.' } });
    });
  });
});
