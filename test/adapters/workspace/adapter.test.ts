import { expect } from 'vitest';
import type { Touchpoint } from '../../../src/model/unified.js';
import { describeAdapterConformance } from '../../conformance/adapter-conformance.js';
import { startWorkspaceFixture } from './workspace-fixture.js';

const CAPABILITIES = [
  'TOUCHPOINTS',
  'SCHEDULING',
  'DELIVERY_STATS',
] as const;

/** The normalized touchpoints of the sample campaign (`cmp_welcome_series`), in position order. */
const SAMPLE_TOUCHPOINTS: Partial<Touchpoint>[] = [
  { nativeId: 'n1', name: 'Joined "New signups"', type: 'TRIGGER', rawType: 'SEGMENT_ENTRY', channel: null, message: null, position: 0, createdAt: null },
  {
    nativeId: 'n2',
    name: 'Welcome email',
    type: 'MESSAGE',
    rawType: 'SEND_MESSAGE',
    channel: 'EMAIL',
    message: { subject: 'Welcome aboard, {{contact.firstName}}!', body: 'Thanks for joining. Here is how to get started in five minutes.' },
    position: 1,
  },
  { nativeId: 'n3', name: 'Wait 2 days', type: 'DELAY', rawType: 'LONG_DELAY', channel: null, message: null, position: 2 },
  { nativeId: 'n4', name: 'Onboarding finished?', type: 'CONDITION', rawType: 'ATTRIBUTE_CHECK', position: 3 },
  {
    nativeId: 'n5',
    type: 'MESSAGE',
    channel: 'PUSH',
    message: { title: 'Finish setting up', body: 'Two steps left to get the most out of your account.' },
    position: 4,
  },
  { nativeId: 'n6', name: 'Mark as nudged', type: 'ACTION', rawType: 'SET_FIELD', message: null, position: 5 },
];

describeAdapterConformance('workspace', {
  setup: () => startWorkspaceFixture(),
  sample: {
    nativeId: 'cmp_welcome_series',
    expected: {
      backend: 'growth',
      nativeId: 'cmp_welcome_series',
      name: 'Welcome Series',
      description: 'Onboarding sequence for new signups: welcome email, then a nudge two days later',
      status: 'ACTIVE',
      rawStatus: 'ACTIVE',
      channels: ['EMAIL', 'PUSH'],
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-06T08:30:00.000Z',
      scheduledAt: '2026-01-06T09:00:00.000Z',
      enrollmentCount: 5240,
      deliveryStats: { total: null, sent: 9218, delivered: null, failed: null, updatedAt: '2026-01-06T08:30:00.000Z' },
      touchpoints: SAMPLE_TOUCHPOINTS as Touchpoint[],
      raw: expect.objectContaining({ id: 'cmp_welcome_series', _count: { enrollments: 5240, messages: 9218 } }),
    },
  },
  sampleTouchpoints: SAMPLE_TOUCHPOINTS,
  unknownNativeId: 'cmp_does_not_exist',
  capabilities: [...CAPABILITIES],
});
