import { describe, expect, it } from 'vitest';
import { channelsOf, rawOf, toCampaign } from '../../../src/adapters/schema-type/to-unified.js';
import { wireCampaignSchema, type WireCampaign } from '../../../src/adapters/schema-type/wire.js';
import { wireRecord } from './fixtures.js';

const wire = (overrides: Record<string, unknown> = {}): WireCampaign => wireCampaignSchema.parse(wireRecord(overrides));
const noFlags = { useForEmail: false };

describe('schemaType to-unified', () => {
  it('maps the seed example object field by field', () => {
    const record = wire({ campaignId: 'cmp_renewal_q4', name: 'Renewal Reminder Q4', useForSMS: true, useForOutbound: false });
    expect(toCampaign(record, 'contact-center')).toEqual({
      backend: 'contact-center',
      nativeId: 'cmp_renewal_q4',
      name: 'Renewal Reminder Q4',
      description: 'A campaign for tests.',
      status: 'ACTIVE',
      rawStatus: null,
      channels: ['EMAIL', 'SMS'],
      createdAt: '2023-01-01T00:00:00.000Z',
      updatedAt: '2023-03-15T13:20:00.000Z',
      scheduledAt: null,
      enrollmentCount: null,
      deliveryStats: null,
      raw: rawOf(record),
    });
  });

  it('uses campaignId, not _id, as the native id', () => {
    expect(toCampaign(wire({ _id: '60c72b2f9b1e8e0007c8e8e3', campaignId: 'cmp_x' }), 'b').nativeId).toBe('cmp_x');
  });

  it.each([
    [{ useForEmail: true }, ['EMAIL']],
    [{ useForSMS: true }, ['SMS']],
    [{ useForOutbound: true }, ['VOICE']],
    [{ useForPredictive: true }, ['VOICE']],
    [{ useForProgressive: true }, ['VOICE']],
    [{ useForOutbound: true, useForPredictive: true, useForProgressive: true }, ['VOICE']],
    [{ useForFax: true }, ['FAX']],
    [{ useForExtension: true }, []],
    [{ useForFax: true, useForSMS: true, useForEmail: true, useForProgressive: true }, ['EMAIL', 'SMS', 'VOICE', 'FAX']],
    [{ useForSMS: null }, []],
  ])('channels of %o are %o', (flags, channels) => {
    expect(channelsOf(wire({ ...noFlags, ...flags }))).toEqual(channels);
  });

  it('turns Unix milliseconds into ISO 8601 UTC with milliseconds', () => {
    const campaign = toCampaign(wire({ createdAt: 1767225600123, modifiedAt: 1767225600001 }), 'b');
    expect(campaign.createdAt).toBe('2026-01-01T00:00:00.123Z');
    expect(campaign.updatedAt).toBe('2026-01-01T00:00:00.001Z');
  });

  it('has no times where the record has none (absent, null or 0)', () => {
    expect(toCampaign(wire({ createdAt: undefined, modifiedAt: null }), 'b')).toMatchObject({ createdAt: null, updatedAt: null });
    expect(toCampaign(wire({ createdAt: 0 }), 'b').createdAt).toBeNull();
  });

  it('is always ACTIVE with no raw status, whatever extra fields the record has', () => {
    const campaign = toCampaign(wire({ status: 'paused', deletedAt: 0 }), 'b');
    expect(campaign).toMatchObject({ status: 'ACTIVE', rawStatus: null });
    expect(campaign.raw).toMatchObject({ status: 'paused' });
  });

  it('has no schedule, touchpoints, enrollments or delivery counters', () => {
    const campaign = toCampaign(wire(), 'b');
    expect(campaign).toMatchObject({ scheduledAt: null, enrollmentCount: null, deliveryStats: null });
    expect(campaign.touchpoints).toBeUndefined();
  });

  it('reads a blank or missing description as none', () => {
    expect(toCampaign(wire({ description: '' }), 'b').description).toBeNull();
    expect(toCampaign(wire({ description: undefined }), 'b').description).toBeNull();
  });

  it('keeps the record as it came in raw, unknown fields and the tenant id included', () => {
    const record = wire({ supervisor: [{ userId: 'u1' }], futureField: { a: 1 } });
    const { raw } = toCampaign(record, 'b');
    expect(raw).toMatchObject({ _id: '65f1c0ffee0000000000aa01', supervisor: [{ userId: 'u1' }], futureField: { a: 1 }, objectType: 'campaign' });
    expect(raw).toHaveProperty('tenantId', 't_abcde');
  });

  it('the wire schema refuses records without a campaignId or name, or with times that are not numbers', () => {
    expect(wireCampaignSchema.safeParse(wireRecord({ campaignId: undefined })).success).toBe(false);
    expect(wireCampaignSchema.safeParse(wireRecord({ name: null })).success).toBe(false);
    expect(wireCampaignSchema.safeParse(wireRecord({ modifiedAt: '1678886400000' })).success).toBe(false);
    expect(wireCampaignSchema.safeParse(wireRecord({ useForSMS: 'yes' })).success).toBe(false);
  });
});
