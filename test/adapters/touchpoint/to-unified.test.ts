import { describe, expect, it } from 'vitest';
import { toCampaign, toCampaignStatus, toChannel, toTouchpoint, toTouchpointType } from '../../../src/adapters/touchpoint/to-unified.js';
import type { WireCampaign, WireTouchpoint } from '../../../src/adapters/touchpoint/wire.js';

const campaign: WireCampaign = {
  _id: 'cmp_1',
  name: 'Q3 Re-engagement',
  status: 'draft',
  channel_type: 'whatsapp',
  created_at: '2026-07-10T10:51:00Z',
  updated_at: '2026-07-10T11:51:00.5Z',
};

const touchpoint: WireTouchpoint = {
  _id: 'tp_1',
  name: 'Welcome back',
  type: 'message',
  campaign_id: 'cmp_1',
  message: { text: 'Hi!' },
  position: 0,
  created_at: '2026-07-10T11:11:00Z',
};

describe('toCampaign', () => {
  it('maps every field of the normalization table', () => {
    expect(toCampaign(campaign, 'messaging')).toEqual({
      backend: 'messaging',
      nativeId: 'cmp_1',
      name: 'Q3 Re-engagement',
      description: null,
      status: 'DRAFT',
      rawStatus: 'draft',
      channels: ['WHATSAPP'],
      createdAt: '2026-07-10T10:51:00.000Z',
      updatedAt: '2026-07-10T11:51:00.500Z',
      scheduledAt: null,
      enrollmentCount: null,
      deliveryStats: null,
      raw: campaign,
    });
  });

  it('upper-cases the four status words and keeps any other word as UNKNOWN with its raw status', () => {
    expect(['draft', 'active', 'paused', 'completed'].map(toCampaignStatus)).toEqual(['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED']);
    const archived = toCampaign({ ...campaign, status: 'archived' }, 'messaging');
    expect(archived).toMatchObject({ status: 'UNKNOWN', rawStatus: 'archived' });
    expect(toCampaign({ ...campaign, status: undefined }, 'messaging')).toMatchObject({ status: 'UNKNOWN', rawStatus: null });
  });

  it('maps channel_type to one channel, and an unknown channel_type to none', () => {
    expect(['whatsapp', 'email', 'sms'].map(toChannel)).toEqual(['WHATSAPP', 'EMAIL', 'SMS']);
    expect(toCampaign({ ...campaign, channel_type: 'email' }, 'b').channels).toEqual(['EMAIL']);
    expect(toCampaign({ ...campaign, channel_type: 'fax' }, 'b').channels).toEqual([]);
    expect(toCampaign({ ...campaign, channel_type: null }, 'b').channels).toEqual([]);
  });

  it('normalizes ISO times to UTC with milliseconds, and missing or unreadable times to null', () => {
    const mapped = toCampaign({ ...campaign, created_at: '2026-07-10T12:51:00.123456+02:00', updated_at: 'yesterday' }, 'b');
    expect(mapped.createdAt).toBe('2026-07-10T10:51:00.123Z');
    expect(mapped.updatedAt).toBeNull();
    expect(toCampaign({ ...campaign, created_at: null, updated_at: undefined }, 'b')).toMatchObject({ createdAt: null, updatedAt: null });
  });

  it('keeps unknown fields in raw', () => {
    const record = { ...campaign, audience_size: 1200 };
    expect(toCampaign(record, 'b').raw).toEqual(record);
  });
});

describe('toTouchpoint', () => {
  it('maps a message touchpoint, which goes out on its campaign channel', () => {
    expect(toTouchpoint(touchpoint, 'messaging', 'cmp_1', 'WHATSAPP')).toEqual({
      backend: 'messaging',
      campaignNativeId: 'cmp_1',
      nativeId: 'tp_1',
      name: 'Welcome back',
      type: 'MESSAGE',
      rawType: 'message',
      channel: 'WHATSAPP',
      message: { text: 'Hi!' },
      position: 0,
      createdAt: '2026-07-10T11:11:00.000Z',
      raw: touchpoint,
    });
  });

  it('maps action and delay touchpoints without a channel', () => {
    const delay = toTouchpoint({ ...touchpoint, type: 'delay', message: { duration: 'P2D' }, position: 1 }, 'b', 'cmp_1', 'SMS');
    expect(delay).toMatchObject({ type: 'DELAY', rawType: 'delay', channel: null, message: { duration: 'P2D' }, position: 1 });
    const action = toTouchpoint({ ...touchpoint, type: 'action' }, 'b', 'cmp_1', 'SMS');
    expect(action).toMatchObject({ type: 'ACTION', rawType: 'action', channel: null });
  });

  it('keeps a string message as it is', () => {
    expect(toTouchpoint({ ...touchpoint, message: 'Hello' }, 'b', 'cmp_1', 'SMS').message).toBe('Hello');
  });

  it('maps an unknown type word to ACTION and keeps the word in rawType', () => {
    expect(toTouchpointType('webhook')).toBe('ACTION');
    expect(toTouchpoint({ ...touchpoint, type: 'webhook' }, 'b', 'cmp_1', 'SMS')).toMatchObject({ type: 'ACTION', rawType: 'webhook', channel: null });
    expect(toTouchpoint({ ...touchpoint, type: null }, 'b', 'cmp_1', 'SMS')).toMatchObject({ type: 'ACTION', rawType: null });
  });

  it('has no channel when the campaign channel is unknown, and null for missing optional fields', () => {
    const bare = toTouchpoint({ _id: 'tp_2', type: 'message' }, 'b', 'cmp_1', null);
    expect(bare).toMatchObject({ name: null, channel: null, message: null, position: null, createdAt: null });
  });
});
