import { describe, expect, it } from 'vitest';
import { toCreateData, toUpdateData } from '../../../src/adapters/schema-type/to-wire.js';
import { GatewayError } from '../../../src/model/errors.js';

const base = { name: 'Holiday Promo 2026', workflowId: 'wf_holiday_promo' };

function refusal(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected a refusal');
}

describe('schemaType to-wire', () => {
  it('maps a create input to the data object, type defaulting to DEFAULT', () => {
    expect(toCreateData(base, 'cc')).toEqual({ name: 'Holiday Promo 2026', type: 'DEFAULT', workflowId: 'wf_holiday_promo' });
  });

  it('maps channels to useFor* flags and senders to the address fields', () => {
    const data = toCreateData(
      {
        ...base,
        type: 'PERSONAL',
        description: 'SMS campaign',
        channels: ['SMS', 'EMAIL', 'VOICE', 'FAX'],
        senders: { smsFrom: '8885551212', emailFrom: 'promo@example.com', callerId: '+18001234567' },
      },
      'cc',
    );
    expect(data).toEqual({
      ...base,
      type: 'PERSONAL',
      description: 'SMS campaign',
      useForSMS: true,
      useForEmail: true,
      useForOutbound: true,
      useForFax: true,
      smsFromAddress: '8885551212',
      emailFromAddress: 'promo@example.com',
      callerId: '+18001234567',
    });
  });

  it.each(['WHATSAPP', 'PUSH', 'TELEGRAM', 'ON_SITE'] as const)('refuses the %s channel on input.channels', (channel) => {
    const error = refusal(() => toCreateData({ ...base, channels: [channel] }, 'cc'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channels', backend: 'cc' });
    expect(error.message).toContain(channel);
  });

  it.each([
    ['EMAIL', 'input.senders.emailFrom'],
    ['SMS', 'input.senders.smsFrom'],
    ['VOICE', 'input.senders.callerId'],
  ] as const)('needs a sender for %s', (channel, field) => {
    expect(refusal(() => toCreateData({ ...base, channels: [channel], senders: {} }, 'cc'))).toMatchObject({ field });
  });

  it('needs a name and a workflowId, and a known type', () => {
    expect(refusal(() => toCreateData({ ...base, name: '' }, 'cc'))).toMatchObject({ field: 'input.name' });
    expect(refusal(() => toCreateData({ ...base, workflowId: null }, 'cc'))).toMatchObject({ field: 'input.workflowId' });
    expect(refusal(() => toCreateData({ ...base, type: 'default' }, 'cc'))).toMatchObject({ field: 'input.type' });
  });

  it('treats null for a field it cannot hold as not given', () => {
    expect(() => toCreateData({ ...base, scheduledAt: null, settings: null, message: null }, 'cc')).not.toThrow();
    expect(() => toUpdateData({ status: null, settings: null }, 'cc')).not.toThrow();
  });

  it('maps an update to name and description; null clears the description', () => {
    expect(toUpdateData({ name: 'New name' }, 'cc')).toEqual({ name: 'New name' });
    expect(toUpdateData({ description: null }, 'cc')).toEqual({ description: '' });
    expect(toUpdateData({ name: null, description: 'd' }, 'cc')).toEqual({ description: 'd' });
    expect(refusal(() => toUpdateData({ name: ' ' }, 'cc'))).toMatchObject({ field: 'input.name' });
    expect(refusal(() => toUpdateData({ status: 'ACTIVE' }, 'cc'))).toMatchObject({ field: 'input.status' });
  });
});
