import { describe, expect, it } from 'vitest';
import {
  toCampaign,
  toCampaignStatus,
  toEnrollments,
  toMessage,
  toMessageTouchpoint,
  toPayload,
  toRawCampaign,
} from '../../../src/adapters/v2/to-unified.js';
import { v2CampaignSchema, v2MessageSchema, type V2Campaign, type V2Message } from '../../../src/adapters/v2/wire.js';

/** The seed document's CampaignResponse, with every field, as a Go server writes it. */
function campaignRecord(overrides: Partial<Record<string, unknown>> = {}): V2Campaign {
  return v2CampaignSchema.parse({
    ID: 385,
    Name: 'Order Confirmation Campaign',
    TemplateName: 'order_confirmation',
    Lang: 'en_US',
    CreatedAt: '2025-03-03T14:32:25+03:00',
    UpdatedAt: '2025-03-03T14:33:02+03:00',
    SendAt: '2025-03-04T09:00:00+03:00',
    Status: 'processing',
    AgentID: 27,
    Message: 'Hi {{1}}, your order {{2}} is confirmed.',
    JSON: '{"to":"<accountID>","type":"template","template":{"name":"order_confirmation"}}',
    SentCount: 3,
    DeliveredCount: 2,
    FailedCount: 1,
    Total: 4,
    Clients: [
      { AccountID: '+966539078942', Params: ['John', 'ORD-1'] },
      { AccountID: '+966501234568', Params: null },
    ],
    CompanyID: 4,
    ReportHeaders: null,
    TempMsgID: 'c8630dcb-dc36-4968-8ca4-26a78893c1e6',
    Error: '',
    SocketKey: 'socket-secret-0123456789',
    ...overrides,
  });
}

function messageRecord(overrides: Partial<Record<string, unknown>> = {}): V2Message {
  return v2MessageSchema.parse({
    MessageKey: 'C030200170205C476A3B882B2702FF',
    CampaignID: 385,
    AccountID: '+966539078942',
    Status: 'failed',
    Error: 'recipient unreachable',
    SentAt: '2025-03-03T14:32:30+03:00',
    UpdatedAt: '2025-03-03T14:33:02+03:00',
    ...overrides,
  });
}

describe('v2 campaign mapping', () => {
  it('takes the native id from ID, as a string', () => {
    expect(toCampaign(campaignRecord(), 'broadcast')).toMatchObject({ backend: 'broadcast', nativeId: '385', name: 'Order Confirmation Campaign' });
  });

  it.each([
    ['scheduled', 'SCHEDULED'],
    ['processing', 'ACTIVE'],
    ['completed', 'COMPLETED'],
    ['failed', 'FAILED'],
  ] as const)('maps status %s to %s and keeps the raw word', (raw, status) => {
    expect(toCampaign(campaignRecord({ Status: raw }), 'b')).toMatchObject({ status, rawStatus: raw });
  });

  it.each(['paused', 'Scheduled', '', 'constructor', 'toString'])('maps an unknown status word %j to UNKNOWN, keeping it', (raw) => {
    expect(toCampaignStatus(raw)).toBe('UNKNOWN');
    expect(toCampaign(campaignRecord({ Status: raw }), 'b')).toMatchObject({ status: 'UNKNOWN', rawStatus: raw });
  });

  it('always sends on WhatsApp and has no description', () => {
    expect(toCampaign(campaignRecord(), 'b')).toMatchObject({ channels: ['WHATSAPP'], description: null });
  });

  it('turns RFC 3339 times with an offset into ISO UTC with milliseconds', () => {
    const campaign = toCampaign(campaignRecord(), 'b');
    expect(campaign.createdAt).toBe('2025-03-03T11:32:25.000Z');
    expect(campaign.updatedAt).toBe('2025-03-03T11:33:02.000Z');
    expect(campaign.scheduledAt).toBe('2025-03-04T06:00:00.000Z');
  });

  it('reads Z, negative offsets and fractional seconds too', () => {
    const campaign = toCampaign(
      campaignRecord({ CreatedAt: '2025-03-04T11:31:25Z', UpdatedAt: '2025-03-03T22:15:00.123456789-05:30', SendAt: '2025-03-04T11:31:25.5+00:00' }),
      'b',
    );
    expect(campaign.createdAt).toBe('2025-03-04T11:31:25.000Z');
    expect(campaign.updatedAt).toBe('2025-03-04T03:45:00.123Z');
    expect(campaign.scheduledAt).toBe('2025-03-04T11:31:25.500Z');
  });

  it('reads an empty SendAt (sent at once) as no schedule', () => {
    expect(toCampaign(campaignRecord({ SendAt: '' }), 'b').scheduledAt).toBeNull();
  });

  it('counts the clients as enrollments, a nil slice as none', () => {
    expect(toCampaign(campaignRecord(), 'b').enrollmentCount).toBe(2);
    expect(toCampaign(campaignRecord({ Clients: null }), 'b').enrollmentCount).toBe(0);
  });

  it('takes all four delivery counters, stamped with UpdatedAt', () => {
    expect(toCampaign(campaignRecord(), 'b').deliveryStats).toEqual({
      total: 4,
      sent: 3,
      delivered: 2,
      failed: 1,
      updatedAt: '2025-03-03T11:33:02.000Z',
    });
  });

  it('keeps the record as it came in raw, minus the SocketKey secret', () => {
    const record = campaignRecord({ Extra: { nested: true } });
    const raw = toCampaign(record, 'b').raw;
    expect(raw).not.toHaveProperty('SocketKey');
    expect(JSON.stringify(raw)).not.toContain('socket-secret');
    const { SocketKey: _secret, ...rest } = record;
    expect(raw).toEqual(rest);
    expect(raw).toHaveProperty('Extra', { nested: true });
    expect(toRawCampaign(record)).toEqual(rest);
    expect(record.SocketKey).toBe('socket-secret-0123456789');
  });
});

describe('v2 message touchpoint', () => {
  it('is one MESSAGE touchpoint on WhatsApp at position 0, created with the campaign', () => {
    const campaign = toCampaign(campaignRecord(), 'broadcast');
    expect(campaign.touchpoints).toHaveLength(1);
    expect(campaign.touchpoints![0]).toEqual({
      backend: 'broadcast',
      campaignNativeId: '385',
      nativeId: 'message',
      name: 'order_confirmation',
      type: 'MESSAGE',
      rawType: null,
      channel: 'WHATSAPP',
      message: {
        text: 'Hi {{1}}, your order {{2}} is confirmed.',
        templateId: 'c8630dcb-dc36-4968-8ca4-26a78893c1e6',
        templateName: 'order_confirmation',
        language: 'en_US',
        payload: { to: '<accountID>', type: 'template', template: { name: 'order_confirmation' } },
      },
      position: 0,
      createdAt: '2025-03-03T11:32:25.000Z',
      raw: {
        Message: 'Hi {{1}}, your order {{2}} is confirmed.',
        JSON: '{"to":"<accountID>","type":"template","template":{"name":"order_confirmation"}}',
        TempMsgID: 'c8630dcb-dc36-4968-8ca4-26a78893c1e6',
        TemplateName: 'order_confirmation',
        Lang: 'en_US',
      },
    });
  });

  it('keeps a payload that is not valid JSON as the string it is', () => {
    expect(toPayload('{ "to": "<accountID>", ... }')).toBe('{ "to": "<accountID>", ... }');
    expect(toPayload('[1,2]')).toEqual([1, 2]);
    expect(toPayload('')).toBeNull();
    expect(toPayload(undefined)).toBeNull();
  });

  it('reads Go zero strings as absent: no template means no name, id or language', () => {
    const touchpoint = toMessageTouchpoint(campaignRecord({ TemplateName: '', TempMsgID: '', Lang: '', JSON: '' }), 'b');
    expect(touchpoint.name).toBeNull();
    expect(touchpoint.message).toEqual({
      text: 'Hi {{1}}, your order {{2}} is confirmed.',
      templateId: null,
      templateName: null,
      language: null,
      payload: null,
    });
  });
});

describe('v2 enrollments', () => {
  it('are the clients in order, with their params (a nil slice → null)', () => {
    expect(toEnrollments(campaignRecord(), 'b')).toEqual([
      { backend: 'b', campaignNativeId: '385', contactId: '+966539078942', params: ['John', 'ORD-1'] },
      { backend: 'b', campaignNativeId: '385', contactId: '+966501234568', params: null },
    ]);
    expect(toEnrollments(campaignRecord({ Clients: null }), 'b')).toEqual([]);
  });
});

describe('v2 messages', () => {
  it('maps the seed example: key, recipient, failed with its error, times in UTC', () => {
    expect(toMessage(messageRecord(), 'broadcast')).toEqual({
      backend: 'broadcast',
      campaignNativeId: '385',
      nativeId: 'C030200170205C476A3B882B2702FF',
      recipient: '+966539078942',
      status: 'FAILED',
      error: 'recipient unreachable',
      sentAt: '2025-03-03T11:32:30.000Z',
      updatedAt: '2025-03-03T11:33:02.000Z',
    });
  });

  it.each(['pending', 'sent', 'delivered', 'read', 'failed'] as const)('upper-cases the status %s', (status) => {
    expect(toMessage(messageRecord({ Status: status }), 'b').status).toBe(status.toUpperCase());
  });

  it('reads an empty error and an empty SentAt (never sent) as null', () => {
    const message = toMessage(messageRecord({ Status: 'pending', Error: '', SentAt: '' }), 'b');
    expect(message.error).toBeNull();
    expect(message.sentAt).toBeNull();
  });
});

describe('v2 wire schemas', () => {
  it('accept unknown extra fields and keep them', () => {
    expect(campaignRecord({ Brand: 'new' })).toHaveProperty('Brand', 'new');
    expect(messageRecord({ Attempts: 2 })).toHaveProperty('Attempts', 2);
  });

  it('reject records that break the contract', () => {
    expect(v2CampaignSchema.safeParse({ ...campaignRecord(), ID: '385' }).success).toBe(false);
    expect(v2CampaignSchema.safeParse({ ...campaignRecord(), CreatedAt: '03/03/2025' }).success).toBe(false);
    expect(v2CampaignSchema.safeParse({ ...campaignRecord(), CreatedAt: '2025-03-03T14:32:25' }).success).toBe(false);
    expect(v2CampaignSchema.safeParse({ ...campaignRecord(), SentCount: -1 }).success).toBe(false);
    expect(v2MessageSchema.safeParse({ ...messageRecord(), Status: 'bounced' }).success).toBe(false);
  });
});
