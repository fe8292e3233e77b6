import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { call } from './http.js';

const EMPTY = 'A message touchpoint needs a non-empty message: a non-blank string, or an object with a non-blank text or a template.';
const NO_SUBJECT = 'An email message needs a subject, and this message has none.';
const tooLong = (length: number) => `The message is ${length} characters long, but WhatsApp allows at most 4096.`;

describe('touchpoint backend: validate', () => {
  let backend: TouchpointReferenceBackend;
  const campaigns: Record<'whatsapp' | 'email' | 'sms', string> = { whatsapp: '', email: '', sms: '' };

  beforeAll(async () => {
    backend = await startTouchpointBackend();
    for (const channel of ['whatsapp', 'email', 'sms'] as const) {
      campaigns[channel] = (await call(backend, 'POST', '/v1/campaigns', { name: `${channel} checks`, channel_type: channel })).body._id;
    }
  });
  afterAll(async () => {
    await backend.close();
  });

  async function validate(touchpointId: string) {
    const answer = await call(backend, 'POST', '/v1/touchpoints/validate', { touchpoint_id: touchpointId });
    expect(answer.status).toBe(200);
    return answer.body as { valid: boolean; errors: string[] };
  }

  async function validateNew(channel: keyof typeof campaigns, message: unknown, type = 'message') {
    const created = await call(backend, 'POST', '/v1/touchpoints', { name: 'Check', type, campaign_id: campaigns[channel], message });
    expect(created.status).toBe(201);
    return validate(created.body._id);
  }

  describe('the seed', () => {
    it.each([
      ['an email string message', 'tp_5eed00000000000000000022', [NO_SUBJECT]],
      ['a too-long WhatsApp text', 'tp_5eed00000000000000000052', [tooLong(5016)]],
      ['a blank WhatsApp text', 'tp_5eed00000000000000000080', [EMPTY]],
      ['an email object without subject', 'tp_5eed00000000000000000090', [NO_SUBJECT]],
    ])('flags %s', async (_label, id, errors) => {
      expect(await validate(id)).toEqual({ valid: false, errors });
    });

    it('finds every other seed touchpoint valid', async () => {
      const flagged = new Set(['tp_5eed00000000000000000022', 'tp_5eed00000000000000000052', 'tp_5eed00000000000000000080', 'tp_5eed00000000000000000090']);
      const { body } = await call(backend, 'GET', '/v1/touchpoints?limit=100');
      const seedIds = (body.data as Array<{ _id: string }>).map((t) => t._id).filter((id) => id.startsWith('tp_5eed'));
      expect(seedIds).toHaveLength(31);
      for (const id of seedIds.filter((id) => !flagged.has(id))) {
        expect(await validate(id), id).toEqual({ valid: true, errors: [] });
      }
    });
  });

  describe('a message must not be empty', () => {
    it.each([
      ['an empty string', ''],
      ['a blank string', ' \n\t '],
      ['an empty object', {}],
      ['an object with a blank text', { text: '  ' }],
      ['an object with a non-string text', { text: 42 }],
      ['an object with a null template', { template: null }],
    ])('flags %s', async (_label, message) => {
      expect(await validateNew('sms', message)).toEqual({ valid: false, errors: [EMPTY] });
    });

    it.each([
      ['a non-blank string', 'Hi'],
      ['an object with text', { text: 'Hi' }],
      ['an object with only a template', { template: 'welcome_v2' }],
      ['an object with a structured template', { template: { name: 'welcome', language: 'en' } }],
    ])('accepts %s', async (_label, message) => {
      expect(await validateNew('sms', message)).toEqual({ valid: true, errors: [] });
    });
  });

  describe('WhatsApp allows at most 4096 characters', () => {
    it('accepts exactly 4096 characters, as a string or as text', async () => {
      expect(await validateNew('whatsapp', 'a'.repeat(4096))).toEqual({ valid: true, errors: [] });
      expect(await validateNew('whatsapp', { text: 'a'.repeat(4096) })).toEqual({ valid: true, errors: [] });
    });

    it('flags 4097 characters, as a string or as text', async () => {
      expect(await validateNew('whatsapp', 'a'.repeat(4097))).toEqual({ valid: false, errors: [tooLong(4097)] });
      expect(await validateNew('whatsapp', { text: 'a'.repeat(4097), template: 'x' })).toEqual({ valid: false, errors: [tooLong(4097)] });
    });

    it('counts characters, not UTF-16 code units', async () => {
      expect(await validateNew('whatsapp', '🎉'.repeat(4096))).toEqual({ valid: true, errors: [] });
    });

    it('applies only to WhatsApp campaigns', async () => {
      expect(await validateNew('sms', 'a'.repeat(5000))).toEqual({ valid: true, errors: [] });
    });
  });

  describe('an email message needs a subject', () => {
    it('flags a string message, which has no subject', async () => {
      expect(await validateNew('email', 'Hello there')).toEqual({ valid: false, errors: [NO_SUBJECT] });
    });

    it('flags an object without a subject, or with a blank one', async () => {
      expect(await validateNew('email', { text: 'Hello' })).toEqual({ valid: false, errors: [NO_SUBJECT] });
      expect(await validateNew('email', { subject: ' ', text: 'Hello' })).toEqual({ valid: false, errors: [NO_SUBJECT] });
    });

    it('accepts an object with a subject', async () => {
      expect(await validateNew('email', { subject: 'Hi', text: 'Hello' })).toEqual({ valid: true, errors: [] });
      expect(await validateNew('email', { subject: 'Hi', template: 'newsletter' })).toEqual({ valid: true, errors: [] });
    });

    it('reports every rule a message breaks', async () => {
      expect(await validateNew('email', '')).toEqual({ valid: false, errors: [EMPTY, NO_SUBJECT] });
    });
  });

  it('checks the rules on message touchpoints only', async () => {
    expect(await validateNew('email', { duration: 'P1D' }, 'delay')).toEqual({ valid: true, errors: [] });
    expect(await validateNew('whatsapp', 'x'.repeat(5000), 'action')).toEqual({ valid: true, errors: [] });
    expect(await validateNew('sms', '', 'action')).toEqual({ valid: true, errors: [] });
  });

  it('judges the touchpoint as it is now', async () => {
    const created = await call(backend, 'POST', '/v1/touchpoints', { name: 'Draft', type: 'message', campaign_id: campaigns.email, message: 'Hi' });
    expect(await validate(created.body._id)).toEqual({ valid: false, errors: [NO_SUBJECT] });
    await call(backend, 'PATCH', `/v1/touchpoints/${created.body._id}`, { message: { subject: 'Hello', text: 'Hi' } });
    expect(await validate(created.body._id)).toEqual({ valid: true, errors: [] });
  });

  it('answers 404 with param touchpoint_id for an unknown touchpoint', async () => {
    const answer = await call(backend, 'POST', '/v1/touchpoints/validate', { touchpoint_id: 'tp_missing' });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: 'not_found', message: 'No touchpoint with id tp_missing.', param: 'touchpoint_id' } });
  });

  it('requires touchpoint_id', async () => {
    const answer = await call(backend, 'POST', '/v1/touchpoints/validate', {});
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: 'invalid_request', message: 'touchpoint_id is required.', param: 'touchpoint_id' } });
  });
});
