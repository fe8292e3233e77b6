import { expect } from 'vitest';
import type { Campaign, DeliveryStats, Touchpoint } from '../../../src/client/index.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const STATUSES = ['draft', 'scheduled', 'active', 'paused', 'completed', 'failed', 'archived', 'unknown'];
const CHANNELS = ['email', 'sms', 'whatsapp', 'voice', 'fax', 'push', 'telegram', 'on_site'];
const TOUCHPOINT_TYPES = ['trigger', 'message', 'action', 'condition', 'delay'];

const isoOrNull = (value: unknown) => value === null || (typeof value === 'string' && ISO.test(value));

/** A campaign in the SDK's shape: exactly its fields, lower-case words, ISO times. */
export function expectCampaignShape(campaign: Campaign, backend: string): void {
  expect(Object.keys(campaign).sort()).toEqual(['_id', 'backend', 'channel_type', 'created_at', 'name', 'status', 'updated_at']);
  expect(campaign._id).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(typeof campaign.name).toBe('string');
  expect(STATUSES).toContain(campaign.status);
  if (campaign.channel_type !== null) expect(CHANNELS).toContain(campaign.channel_type);
  expect(isoOrNull(campaign.created_at)).toBe(true);
  expect(isoOrNull(campaign.updated_at)).toBe(true);
  expect(campaign.backend).toBe(backend);
}

/** A touchpoint in the SDK's shape. */
export function expectTouchpointShape(touchpoint: Touchpoint, backend: string, campaignId: string): void {
  expect(Object.keys(touchpoint).sort()).toEqual(['_id', 'backend', 'campaign_id', 'created_at', 'message', 'name', 'position', 'type']);
  expect(touchpoint._id).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(TOUCHPOINT_TYPES).toContain(touchpoint.type);
  expect(touchpoint.campaign_id).toBe(campaignId);
  expect(isoOrNull(touchpoint.created_at)).toBe(true);
  expect(touchpoint.position === null || Number.isInteger(touchpoint.position)).toBe(true);
  expect(touchpoint.backend).toBe(backend);
}

/** One event of `watchDeliveryStats`. */
export function expectDeliveryStatsShape(stats: DeliveryStats): void {
  expect(Object.keys(stats).sort()).toEqual(['delivered', 'done', 'failed', 'sent', 'stale', 'total', 'updated_at']);
  expect(Number.isInteger(stats.sent)).toBe(true);
  expect(stats.updated_at).toMatch(ISO);
  expect(typeof stats.done).toBe('boolean');
}
