import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceBackend,
  type WorkspaceReferenceBackend,
} from '../../../src/reference-backends/workspace/index.js';
import { workspaceClient } from './workspace-client.js';

const DAY = 24 * 60 * 60 * 1000;

interface WireNode {
  id: string;
  kind: string;
  type: string;
  position: number;
  config: Record<string, unknown>;
}

describe('workspace reference backend: seed data', () => {
  let backend: WorkspaceReferenceBackend;
  let call: ReturnType<typeof workspaceClient>;
  let list: Array<Record<string, any>>;
  let details: Array<Record<string, any>>;

  beforeAll(async () => {
    backend = await startWorkspaceBackend();
    call = workspaceClient(backend);
    list = (await call('GET', '/campaigns')).json;
    details = await Promise.all(list.map(async (c) => (await call('GET', `/campaigns/${c['id']}`)).json));
  });
  afterAll(() => backend.close());

  it('holds ten campaigns with deterministic ids', () => {
    expect(list.map((c) => c['id'])).toEqual([
      'cmp_welcome_series',
      'cmp_abandoned_cart',
      'cmp_spring_sale',
      'cmp_winback_lapsed',
      'cmp_order_confirmation',
      'cmp_trial_ending',
      'cmp_summer_webinar',
      'cmp_loyalty_gold',
      'cmp_telegram_launch',
      'cmp_back_to_school',
    ]);
  });

  it('dates campaign i at 2026-01-05T09:00Z + 24i days (kind index 0), updated later', () => {
    list.forEach((campaign, i) => {
      expect(campaign['createdAt']).toBe(new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + i * 4 * 6 * DAY).toISOString());
      expect(Date.parse(campaign['updatedAt'])).toBeGreaterThan(Date.parse(campaign['createdAt']));
      expect(campaign['updatedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
    expect(list[0]?.['createdAt']).toBe('2026-01-05T09:00:00.000Z');
    expect(list[1]?.['createdAt']).toBe('2026-01-29T09:00:00.000Z');
  });

  it('mixes statuses and types, with several ACTIVE campaigns and some scheduled starts', () => {
    const statuses = list.map((c) => c['status']);
    expect(new Set(statuses)).toEqual(new Set(['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED']));
    expect(statuses.filter((s) => s === 'ACTIVE').length).toBeGreaterThanOrEqual(3);
    expect(new Set(list.map((c) => c['type']))).toEqual(new Set(['AUTOMATED', 'BROADCAST', 'TRANSACTIONAL']));
    expect(list.filter((c) => c['startAt'] !== null).length).toBeGreaterThanOrEqual(3);
    expect(list.some((c) => Object.keys(c['settings']).length > 0)).toBe(true);
    for (const campaign of list) {
      if (campaign['status'] === 'DRAFT') expect(campaign['_count']).toEqual({ enrollments: 0, messages: 0 });
      else expect(campaign['_count'].enrollments).toBeGreaterThan(0);
    }
  });

  it('uses every node kind, every channel, delays and A/B splits', () => {
    const nodes = details.flatMap((c) => c['workflow'].nodes as WireNode[]);
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['TRIGGER', 'ACTION', 'CONDITION', 'DELAY']));
    const channels = nodes.filter((n) => n.type === 'SEND_MESSAGE').map((n) => n.config['channel']);
    expect(new Set(channels)).toEqual(new Set(['EMAIL', 'PUSH', 'TELEGRAM', 'ON_SITE']));
    const types = new Set(nodes.map((n) => n.type));
    for (const type of ['SET_FIELD', 'SHORT_DELAY', 'LONG_DELAY', 'AB_SPLIT', 'SEGMENT_ENTRY', 'EVENT']) {
      expect(types.has(type)).toBe(true);
    }
    expect(details.filter((c) => c['abTests'].length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('derives triggers, actions and abTests from each workflow', () => {
    const cart = details.find((c) => c['id'] === 'cmp_abandoned_cart');
    expect(cart?.['triggers']).toEqual([{ id: 'n1', type: 'EVENT', eventType: 'cart_abandoned' }]);
    expect(cart?.['abTests']).toEqual([{ id: 'n4', name: 'Reminder subject test', position: 3, variants: ['A', 'B'] }]);
    expect(cart?.['actions'].map((a: WireNode) => a.id)).toEqual(['n5', 'n6', 'n8']);
    for (const campaign of details) {
      const positions = (campaign['actions'] as WireNode[]).map((a) => a.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      const summary = list.find((c) => c['id'] === campaign['id']);
      expect(summary?.['triggers']).toEqual(campaign['triggers']);
    }
  });

  it('has workflows the backend itself accepts', async () => {
    const empty = await startWorkspaceBackend({ seed: false });
    try {
      const post = workspaceClient(empty);
      for (const campaign of details) {
        const answer = await post('POST', '/campaigns', { name: campaign['name'], type: campaign['type'], workflow: campaign['workflow'] });
        expect(answer.status).toBe(201);
        expect(answer.json.workflow).toEqual(campaign['workflow']);
      }
    } finally {
      await empty.close();
    }
  });

  it('lets a demo enroll into active campaigns, some contacts already enrolled', async () => {
    const answer = await call('POST', '/campaigns/cmp_welcome_series/enroll', { contactIds: ['ct_1001', 'ct_9001'] });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      enrolled: 1,
      alreadyEnrolled: 1,
      errors: 0,
      details: [
        { contactId: 'ct_1001', status: 'already_enrolled' },
        { contactId: 'ct_9001', status: 'enrolled' },
      ],
    });
    expect((await call('GET', '/campaigns/cmp_welcome_series')).json._count.enrollments).toBe(5241);
    const paused = await call('POST', '/campaigns/cmp_winback_lapsed/enroll', { contactIds: ['ct_9001'] });
    expect(paused.status).toBe(409);
  });

  it('gives every start its own copy of the same data', async () => {
    const other = await startWorkspaceBackend();
    try {
      const otherCall = workspaceClient(other);
      await otherCall('PATCH', '/campaigns/cmp_loyalty_gold', { name: 'Changed elsewhere' });
      await otherCall('POST', '/campaigns/cmp_loyalty_gold/execute', { action: 'process_trigger', triggerType: 'MANUAL' });
      const mine = (await call('GET', '/campaigns/cmp_loyalty_gold')).json;
      expect(mine).toEqual(details.find((c) => c['id'] === 'cmp_loyalty_gold'));
      const fresh = await startWorkspaceBackend();
      try {
        expect((await workspaceClient(fresh)('GET', '/campaigns/cmp_loyalty_gold')).json).toEqual(mine);
      } finally {
        await fresh.close();
      }
    } finally {
      await other.close();
    }
  });
});
