import { describe, expect, it } from 'vitest';
import {
  nodesInOrder,
  toCampaign,
  toCampaignStatus,
  toChannels,
  toEnrollmentResult,
  toExecutionResult,
  toMessage,
  toTouchpoint,
  toTouchpoints,
  toTouchpointType,
} from '../../../src/adapters/workspace/to-unified.js';
import { wireCampaignSchema, type WireCampaign, type WireNode } from '../../../src/adapters/workspace/wire.js';

const node = (fields: Partial<WireNode> & Pick<WireNode, 'id' | 'kind' | 'type'>): WireNode => ({ config: {}, ...fields });

function campaign(fields: Record<string, unknown> = {}): WireCampaign {
  return wireCampaignSchema.parse({
    id: 'cmp_1',
    name: 'Welcome',
    status: 'ACTIVE',
    createdAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2026-01-16T08:30:00.000Z',
    startAt: '2026-02-01T00:00:00.000Z',
    _count: { enrollments: 5000, messages: 12000 },
    ...fields,
  });
}

describe('workspace campaign mapping', () => {
  it('maps every field of the normalization table', () => {
    const record = campaign({
      description: 'Onboarding',
      workflow: {
        nodes: [
          node({ id: 'n1', kind: 'TRIGGER', type: 'SEGMENT_ENTRY', position: 0 }),
          node({ id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', position: 1, config: { channel: 'EMAIL', subject: 'Hi', body: 'Welcome!' } }),
        ],
        edges: [{ source: 'n1', target: 'n2' }],
      },
    });
    expect(toCampaign('growth', record)).toEqual({
      backend: 'growth',
      nativeId: 'cmp_1',
      name: 'Welcome',
      description: 'Onboarding',
      status: 'ACTIVE',
      rawStatus: 'ACTIVE',
      channels: ['EMAIL'],
      createdAt: '2026-01-15T10:00:00.000Z',
      updatedAt: '2026-01-16T08:30:00.000Z',
      scheduledAt: '2026-02-01T00:00:00.000Z',
      enrollmentCount: 5000,
      deliveryStats: { total: null, sent: 12000, delivered: null, failed: null, updatedAt: '2026-01-16T08:30:00.000Z' },
      touchpoints: [expect.objectContaining({ nativeId: 'n1' }), expect.objectContaining({ nativeId: 'n2', type: 'MESSAGE' })],
      raw: record,
    });
  });

  it('maps the five status words to the same name and anything else to UNKNOWN', () => {
    for (const word of ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED'] as const) expect(toCampaignStatus(word)).toBe(word);
    expect(toCampaignStatus('RUNNING')).toBe('UNKNOWN');
    expect(toCampaignStatus('active')).toBe('UNKNOWN');
    expect(toCampaign('growth', campaign({ status: 'SCHEDULED' }))).toMatchObject({ status: 'UNKNOWN', rawStatus: 'SCHEDULED' });
  });

  it('normalizes times to ISO UTC with milliseconds', () => {
    const mapped = toCampaign('growth', campaign({ createdAt: '2026-01-15T12:00:00+02:00', updatedAt: '2026-01-16T08:30:00Z', startAt: '2026-02-01T00:00:00.5Z' }));
    expect(mapped.createdAt).toBe('2026-01-15T10:00:00.000Z');
    expect(mapped.updatedAt).toBe('2026-01-16T08:30:00.000Z');
    expect(mapped.scheduledAt).toBe('2026-02-01T00:00:00.500Z');
  });

  it('reads a missing startAt, description and updatedAt as null; deliveryStats then date from createdAt', () => {
    const mapped = toCampaign('growth', campaign({ startAt: null, updatedAt: undefined }));
    expect(mapped).toMatchObject({ scheduledAt: null, description: null, updatedAt: null });
    expect(mapped.deliveryStats!.updatedAt).toBe('2026-01-15T10:00:00.000Z');
  });

  it('takes distinct channels of SEND_MESSAGE nodes in position order, ignoring other nodes and unknown channels', () => {
    const record = campaign({
      workflow: {
        nodes: [
          node({ id: 'a', kind: 'ACTION', type: 'SEND_MESSAGE', position: 3, config: { channel: 'EMAIL' } }),
          node({ id: 'b', kind: 'ACTION', type: 'SEND_MESSAGE', position: 1, config: { channel: 'TELEGRAM' } }),
          node({ id: 'c', kind: 'ACTION', type: 'SEND_MESSAGE', position: 2, config: { channel: 'EMAIL' } }),
          node({ id: 'd', kind: 'ACTION', type: 'WEBHOOK', position: 0, config: { channel: 'PUSH' } }),
          node({ id: 'e', kind: 'ACTION', type: 'SEND_MESSAGE', position: 4, config: { channel: 'CARRIER_PIGEON' } }),
          node({ id: 'f', kind: 'ACTION', type: 'SEND_MESSAGE', position: 5, config: { channel: 'ON_SITE' } }),
        ],
      },
    });
    expect(toChannels(record)).toEqual(['TELEGRAM', 'EMAIL', 'ON_SITE']);
  });

  it('has no channels and no inline touchpoints for the list form (no workflow)', () => {
    const mapped = toCampaign('growth', campaign());
    expect(mapped.channels).toEqual([]);
    expect(mapped.touchpoints).toBeUndefined();
    expect(toTouchpoints('growth', campaign())).toBeNull();
  });

  it('keeps unknown fields in raw', () => {
    expect(toCampaign('growth', campaign({ abTests: [], future: 1 })).raw).toMatchObject({ abTests: [], future: 1 });
  });
});

describe('workspace touchpoint mapping', () => {
  it('maps node kinds to touchpoint types', () => {
    expect(toTouchpointType({ kind: 'TRIGGER', type: 'EVENT' })).toBe('TRIGGER');
    expect(toTouchpointType({ kind: 'ACTION', type: 'SEND_MESSAGE' })).toBe('MESSAGE');
    expect(toTouchpointType({ kind: 'ACTION', type: 'NOTIFY_INBOX' })).toBe('ACTION');
    expect(toTouchpointType({ kind: 'CONDITION', type: 'AB_SPLIT' })).toBe('CONDITION');
    expect(toTouchpointType({ kind: 'DELAY', type: 'SHORT_DELAY' })).toBe('DELAY');
  });

  it('maps a SEND_MESSAGE node: channel from config, message = config without channel', () => {
    const raw = node({ id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Welcome email', config: { channel: 'EMAIL', subject: 'Hi', body: 'Welcome!' } });
    expect(toTouchpoint('growth', 'cmp_1', { node: raw, position: 1 })).toEqual({
      backend: 'growth',
      campaignNativeId: 'cmp_1',
      nativeId: 'n2',
      name: 'Welcome email',
      type: 'MESSAGE',
      rawType: 'SEND_MESSAGE',
      channel: 'EMAIL',
      message: { subject: 'Hi', body: 'Welcome!' },
      position: 1,
      createdAt: null,
      raw,
    });
  });

  it('gives other nodes no channel and no message, and a missing name is null', () => {
    const raw = node({ id: 'n3', kind: 'DELAY', type: 'LONG_DELAY', config: { days: 2, channel: 'EMAIL' } });
    expect(toTouchpoint('growth', 'cmp_1', { node: raw, position: 2 })).toMatchObject({ name: null, channel: null, message: null, rawType: 'LONG_DELAY' });
    expect(toMessage(node({ id: 'x', kind: 'ACTION', type: 'SEND_MESSAGE' }))).toEqual({});
  });

  it('orders nodes by position; a node without one sits at its array index; ties keep array order', () => {
    const nodes = [
      node({ id: 'a', kind: 'ACTION', type: 'SET_FIELD', position: 5 }),
      node({ id: 'b', kind: 'TRIGGER', type: 'MANUAL' }),
      node({ id: 'c', kind: 'DELAY', type: 'SHORT_DELAY', position: 1 }),
      node({ id: 'd', kind: 'DELAY', type: 'SHORT_DELAY', position: 1 }),
    ];
    expect(nodesInOrder(nodes).map(({ node: n, position }) => `${n.id}@${position}`)).toEqual(['b@1', 'c@1', 'd@1', 'a@5']);
    const tps = toTouchpoints('growth', campaign({ workflow: { nodes, edges: [] } }))!;
    expect(tps.map((tp) => tp.nativeId)).toEqual(['b', 'c', 'd', 'a']);
  });
});

describe('workspace wire schema', () => {
  it('rejects a record that cannot be normalized', () => {
    expect(wireCampaignSchema.safeParse({ ...campaign(), createdAt: 'yesterday' }).success).toBe(false);
    expect(wireCampaignSchema.safeParse({ ...campaign(), _count: undefined }).success).toBe(false);
    expect(wireCampaignSchema.safeParse({ ...campaign(), id: 42 }).success).toBe(false);
    expect(wireCampaignSchema.safeParse({ ...campaign(), workflow: { nodes: [{ id: 'n', kind: 'LOOP', type: 'X' }] } }).success).toBe(false);
  });
});

describe('workspace enrollment and execution mapping', () => {
  it('maps counts and each detail', () => {
    expect(
      toEnrollmentResult({
        enrolled: 1,
        alreadyEnrolled: 1,
        errors: 2,
        details: [
          { contactId: 'ct_1', status: 'enrolled' },
          { contactId: 'ct_2', status: 'already_enrolled' },
          { contactId: 'ct_3', status: 'error', error: 'Contact not found' },
          { contactId: 'ct_4', status: 'error' },
        ],
      }),
    ).toEqual({
      enrolled: 1,
      alreadyEnrolled: 1,
      failed: 2,
      results: [
        { contactId: 'ct_1', status: 'ENROLLED', error: null },
        { contactId: 'ct_2', status: 'ALREADY_ENROLLED', error: null },
        { contactId: 'ct_3', status: 'FAILED', error: 'Contact not found' },
        { contactId: 'ct_4', status: 'FAILED', error: 'Enrollment failed' },
      ],
    });
  });

  it('maps an execution, a missing id as null', () => {
    expect(toExecutionResult({ executed: true, executionId: 'exe_1' })).toEqual({ executed: true, executionId: 'exe_1' });
    expect(toExecutionResult({ executed: false })).toEqual({ executed: false, executionId: null });
  });
});
