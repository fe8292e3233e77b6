import { describe, expect, it } from 'vitest';
import { touchpointRuleErrors } from '../../src/model/touchpoint-rules.js';

describe('touchpoint rules', () => {
  it('accepts a non-blank string, or an object with text, body or a template', () => {
    for (const message of ['Hi', { text: 'Hi' }, { body: 'Hi' }, { template: 'tpl_1' }, { template: { name: 'welcome' } }]) {
      expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'PUSH', message })).toEqual([]);
    }
  });

  it('flags an empty message', () => {
    for (const message of [null, undefined, '', '   ', {}, { text: ' ' }, { subject: 'only' }, { template: '' }, 42]) {
      expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'PUSH', message })).toEqual([expect.stringMatching(/non-empty message/)]);
    }
  });

  it('flags an email without subject, a string message included', () => {
    expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'S', body: 'B' } })).toEqual([]);
    expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'EMAIL', message: { subject: ' ', body: 'B' } })).toEqual([expect.stringMatching(/subject/)]);
    expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'EMAIL', message: 'Body' })).toEqual([expect.stringMatching(/subject/)]);
  });

  it('flags WhatsApp text over 4096 code points (string, text or body)', () => {
    const long = 'a'.repeat(4097);
    expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'WHATSAPP', message: 'a'.repeat(4096) })).toEqual([]);
    expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'WHATSAPP', message: '😀'.repeat(4096) })).toEqual([]);
    for (const message of [long, { text: long }, { body: long }]) {
      expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'WHATSAPP', message })).toEqual(['The message is 4097 characters long, but WhatsApp allows at most 4096.']);
    }
    expect(touchpointRuleErrors({ type: 'MESSAGE', channel: 'SMS', message: long })).toEqual([]);
  });

  it('reports every broken rule, one sentence each', () => {
    const errors = touchpointRuleErrors({ type: 'MESSAGE', channel: 'EMAIL', message: '' });
    expect(errors).toHaveLength(2);
    for (const error of errors) expect(error).toMatch(/^[A-Z].*\.$/);
  });

  it('finds nothing wrong with non-message touchpoints', () => {
    for (const type of ['TRIGGER', 'ACTION', 'CONDITION', 'DELAY'] as const) {
      expect(touchpointRuleErrors({ type, channel: 'EMAIL', message: null })).toEqual([]);
    }
  });
});
