import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/reference-backends/shared/clock.js';
import {
  startWorkspaceBackend,
  type WorkspaceReferenceBackend,
} from '../../src/reference-backends/workspace/index.js';
import { workspaceClient } from './workspace/workspace-client.js';

const START = Date.UTC(2026, 5, 1, 12, 0, 0);

/** A small valid workflow whose nodes are listed out of position order. */
const onboardingWorkflow = {
  nodes: [
    { id: 'a2', kind: 'ACTION', type: 'SEND_MESSAGE', position: 3, name: 'Push', config: { channel: 'PUSH', title: 'Hi' } },
    { id: 't1', kind: 'TRIGGER', type: 'EVENT', config: { eventType: 'signed_up' } },
    { id: 'a1', kind: 'ACTION', type: 'SEND_MESSAGE', position: 2, name: 'Email', config: { channel: 'EMAIL', subject: 'Hi' } },
    { id: 'ab', kind: 'CONDITION', type: 'AB_SPLIT', position: 1, name: 'Split', config: { variants: ['A', 'B'] } },
    { id: 'f1', kind: 'ACTION', type: 'SET_FIELD', position: 4, config: { field: 'stage', value: 'welcomed' } },
  ],
  edges: [
    { source: 't1', target: 'ab' },
    { source: 'ab', target: 'a1' },
  ],
};

describe('workspace reference backend', () => {
  let backend: WorkspaceReferenceBackend;
  let clock: ManualClock;
  let call: ReturnType<typeof workspaceClient>;

  beforeAll(async () => {
    clock = new ManualClock(START);
    backend = await startWorkspaceBackend({ seed: false, clock });
    call = workspaceClient(backend);
  });
  afterAll(() => backend.close());

  async function createCampaign(body: Record<string, unknown> = {}) {
    const answer = await call('POST', '/campaigns', {
      name: 'Onboarding',
      type: 'AUTOMATED',
      workflow: onboardingWorkflow,
      ...body,
    });
    expect(answer.status).toBe(201);
    return answer.json;
  }

  it('describes itself: kind, credentials and a config entry', () => {
    expect(backend.kind).toBe('workspace');
    expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.credentials).toEqual({ workspaceId: 'ws_demo', sessionToken: 'ws-demo-session-token' });
    expect(backend.configEntry('growth')).toEqual({
      name: 'growth',
      kind: 'workspace',
      baseUrl: backend.url,
      workspaceId: 'ws_demo',
      sessionToken: 'ws-demo-session-token',
    });
  });

  it('starts empty with seed: false', async () => {
    const fresh = await startWorkspaceBackend({ seed: false });
    try {
      const answer = await workspaceClient(fresh)('GET', '/campaigns');
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  describe('create', () => {
    it('answers 201 with the full campaign in status DRAFT, timestamps from the clock', async () => {
      const answer = await call('POST', '/campaigns', {
        name: 'Onboarding',
        description: 'New users',
        type: 'AUTOMATED',
        status: 'ACTIVE',
        workflow: onboardingWorkflow,
        settings: { frequencyCap: 3, quietHours: { start: '22:00', end: '08:00' } },
        startAt: '2026-07-01T00:00:00Z',
        endAt: '2026-08-01T02:00:00+02:00',
      });
      expect(answer.status).toBe(201);
      expect(answer.headers['content-type']).toBe('application/json');
      const { id, ...rest } = answer.json;
      expect(id).toMatch(/^cmp_[0-9a-z]+$/);
      expect(rest).toEqual({
        name: 'Onboarding',
        description: 'New users',
        status: 'DRAFT',
        type: 'AUTOMATED',
        createdAt: '2026-06-01T12:00:00.000Z',
        updatedAt: '2026-06-01T12:00:00.000Z',
        startAt: '2026-07-01T00:00:00.000Z',
        endAt: '2026-08-01T00:00:00.000Z',
        settings: { frequencyCap: 3, quietHours: { start: '22:00', end: '08:00' } },
        triggers: [{ id: 't1', type: 'EVENT', eventType: 'signed_up' }],
        _count: { enrollments: 0, messages: 0 },
        workflow: {
          nodes: [
            { id: 'a2', kind: 'ACTION', type: 'SEND_MESSAGE', position: 3, name: 'Push', config: { channel: 'PUSH', title: 'Hi' } },
            { id: 't1', kind: 'TRIGGER', type: 'EVENT', position: 1, config: { eventType: 'signed_up' } },
            { id: 'a1', kind: 'ACTION', type: 'SEND_MESSAGE', position: 2, name: 'Email', config: { channel: 'EMAIL', subject: 'Hi' } },
            { id: 'ab', kind: 'CONDITION', type: 'AB_SPLIT', position: 1, name: 'Split', config: { variants: ['A', 'B'] } },
            { id: 'f1', kind: 'ACTION', type: 'SET_FIELD', position: 4, config: { field: 'stage', value: 'welcomed' } },
          ],
          edges: onboardingWorkflow.edges,
        },
        actions: [
          { id: 'a1', kind: 'ACTION', type: 'SEND_MESSAGE', position: 2, name: 'Email', config: { channel: 'EMAIL', subject: 'Hi' } },
          { id: 'a2', kind: 'ACTION', type: 'SEND_MESSAGE', position: 3, name: 'Push', config: { channel: 'PUSH', title: 'Hi' } },
          { id: 'f1', kind: 'ACTION', type: 'SET_FIELD', position: 4, config: { field: 'stage', value: 'welcomed' } },
        ],
        abTests: [{ id: 'ab', name: 'Split', position: 1, variants: ['A', 'B'] }],
      });
    });

    it('defaults description, dates and settings, a node position to its index and config to {}', async () => {
      const campaign = await createCampaign({
        workflow: {
          nodes: [
            { id: 'x', kind: 'TRIGGER', type: 'MANUAL' },
            { id: 'y', kind: 'DELAY', type: 'SHORT_DELAY', config: { minutes: 5 } },
          ],
          edges: [],
        },
      });
      expect(campaign).toMatchObject({ description: null, startAt: null, endAt: null, settings: {} });
      expect(campaign.workflow.nodes).toEqual([
        { id: 'x', kind: 'TRIGGER', type: 'MANUAL', position: 0, config: {} },
        { id: 'y', kind: 'DELAY', type: 'SHORT_DELAY', position: 1, config: { minutes: 5 } },
      ]);
      expect(campaign.actions).toEqual([]);
      expect(campaign.abTests).toEqual([]);
    });

    it('accepts an empty workflow, a missing edges list and edges to unknown nodes', async () => {
      expect((await createCampaign({ workflow: { nodes: [], edges: [] } })).workflow).toEqual({ nodes: [], edges: [] });
      expect((await createCampaign({ workflow: { nodes: [] } })).workflow).toEqual({ nodes: [], edges: [] });
      const dangling = await createCampaign({
        workflow: { nodes: [], edges: [{ source: 'nowhere', target: 'void', label: 'yes' }] },
      });
      expect(dangling.workflow.edges).toEqual([{ source: 'nowhere', target: 'void', label: 'yes' }]);
    });

    it('gives each campaign a new id and shows it in the list and by id', async () => {
      const first = await createCampaign({ name: 'First' });
      const second = await createCampaign({ name: 'Second' });
      expect(first.id).not.toBe(second.id);
      const fetched = await call('GET', `/campaigns/${first.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.json).toEqual(first);
      const list = (await call('GET', '/campaigns')).json as Array<{ id: string }>;
      expect(list.map((c) => c.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    });
  });

  describe('list', () => {
    it('omits workflow, actions and abTests but keeps triggers and _count', async () => {
      const created = await createCampaign({ name: 'Listed' });
      const list = (await call('GET', '/campaigns')).json as Array<Record<string, unknown>>;
      const item = list.find((c) => c['id'] === created.id);
      const { workflow, actions, abTests, ...summary } = created;
      expect([workflow, actions, abTests].every((part) => part !== undefined)).toBe(true);
      expect(item).toEqual(summary);
    });
  });

  describe('update', () => {
    it('changes only the given fields and moves updatedAt', async () => {
      const created = await createCampaign({ description: 'before', settings: { frequencyCap: 1 } });
      clock.advance(90_000);
      const answer = await call('PATCH', `/campaigns/${created.id}`, { name: 'Renamed', status: 'PAUSED' });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        ...created,
        name: 'Renamed',
        status: 'PAUSED',
        updatedAt: new Date(clock.now()).toISOString(),
      });
      expect(answer.json.createdAt).toBe(created.createdAt);
      expect((await call('GET', `/campaigns/${created.id}`)).json).toEqual(answer.json);
    });

    it('updates description, type, settings and dates; null clears description and dates', async () => {
      const created = await createCampaign({ description: 'd', startAt: '2026-07-01T00:00:00.000Z' });
      const updated = await call('PATCH', `/campaigns/${created.id}`, {
        type: 'BROADCAST',
        settings: { quietHours: { start: '21:00', end: '07:00' } },
        endAt: '2026-09-01T00:00:00.000Z',
      });
      expect(updated.json).toMatchObject({
        type: 'BROADCAST',
        settings: { quietHours: { start: '21:00', end: '07:00' } },
        startAt: '2026-07-01T00:00:00.000Z',
        endAt: '2026-09-01T00:00:00.000Z',
      });
      const cleared = await call('PATCH', `/campaigns/${created.id}`, { description: null, startAt: null, endAt: null });
      expect(cleared.json).toMatchObject({ description: null, startAt: null, endAt: null, type: 'BROADCAST' });
    });

    it('accepts every status of the contract', async () => {
      const created = await createCampaign();
      for (const status of ['ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED', 'DRAFT']) {
        const answer = await call('PATCH', `/campaigns/${created.id}`, { status });
        expect(answer.status).toBe(200);
        expect(answer.json.status).toBe(status);
      }
    });

    it('with an empty body changes nothing but updatedAt', async () => {
      const created = await createCampaign();
      clock.advance(1_000);
      const answer = await call('PATCH', `/campaigns/${created.id}`, {});
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ ...created, updatedAt: new Date(clock.now()).toISOString() });
    });

    it('replaces the whole workflow graph when given one', async () => {
      const created = await createCampaign();
      await call('POST', `/campaigns/${created.id}/execute`, { action: 'execute_for_contact', contactId: 'ct_1' });
      const replacement = {
        nodes: [
          { id: 'seg', kind: 'TRIGGER', type: 'SEGMENT_ENTRY', config: { segmentId: 'seg_9' } },
          { id: 'tg', kind: 'ACTION', type: 'SEND_MESSAGE', config: { channel: 'TELEGRAM', text: 'Hello' } },
        ],
        edges: [{ source: 'seg', target: 'tg' }],
      };
      const answer = await call('PATCH', `/campaigns/${created.id}`, { workflow: replacement });
      expect(answer.status).toBe(200);
      expect(answer.json.workflow).toEqual({
        nodes: [
          { id: 'seg', kind: 'TRIGGER', type: 'SEGMENT_ENTRY', position: 0, config: { segmentId: 'seg_9' } },
          { id: 'tg', kind: 'ACTION', type: 'SEND_MESSAGE', position: 1, config: { channel: 'TELEGRAM', text: 'Hello' } },
        ],
        edges: [{ source: 'seg', target: 'tg' }],
      });
      expect(answer.json.triggers).toEqual([{ id: 'seg', type: 'SEGMENT_ENTRY', segmentId: 'seg_9' }]);
      expect(answer.json.actions.map((node: { id: string }) => node.id)).toEqual(['tg']);
      expect(answer.json.abTests).toEqual([]);
      expect(answer.json._count).toEqual({ enrollments: 0, messages: 2 });
      expect(answer.json.name).toBe(created.name);
    });
  });

  describe('delete', () => {
    it('answers 204 without a body and removes the campaign for good', async () => {
      const created = await createCampaign();
      const answer = await call('DELETE', `/campaigns/${created.id}`);
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
      expect(await call('GET', `/campaigns/${created.id}`)).toMatchObject({
        status: 404,
        json: { error: 'Campaign not found' },
      });
      const list = (await call('GET', '/campaigns')).json as Array<{ id: string }>;
      expect(list.some((c) => c.id === created.id)).toBe(false);
      expect((await call('DELETE', `/campaigns/${created.id}`)).status).toBe(404);
    });
  });

  describe('execute', () => {
    it('runs for a contact in any status and adds one message per SEND_MESSAGE node', async () => {
      const created = await createCampaign();
      expect(created.status).toBe('DRAFT');
      const answer = await call('POST', `/campaigns/${created.id}/execute`, {
        action: 'execute_for_contact',
        contactId: 'ct_1',
      });
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.json).sort()).toEqual(['executed', 'executionId']);
      expect(answer.json.executed).toBe(true);
      expect(answer.json.executionId).toMatch(/^exe_[0-9a-z]+$/);
      expect((await call('GET', `/campaigns/${created.id}`)).json._count).toEqual({ enrollments: 0, messages: 2 });

      for (const status of ['PAUSED', 'ARCHIVED']) {
        await call('PATCH', `/campaigns/${created.id}`, { status });
        const again = await call('POST', `/campaigns/${created.id}/execute`, { action: 'execute_for_contact', contactId: 'ct_2' });
        expect(again.status).toBe(200);
        expect(again.json.executionId).not.toBe(answer.json.executionId);
      }
      expect((await call('GET', `/campaigns/${created.id}`)).json._count.messages).toBe(6);
    });

    it('processes a trigger with its optional segment or event', async () => {
      const created = await createCampaign();
      const bySegment = await call('POST', `/campaigns/${created.id}/execute`, {
        action: 'process_trigger',
        triggerType: 'SEGMENT_ENTRY',
        segmentId: 'seg_1',
      });
      expect(bySegment.status).toBe(200);
      expect(bySegment.json).toEqual({ executed: true, executionId: expect.stringMatching(/^exe_/) });
      const byEvent = await call('POST', `/campaigns/${created.id}/execute`, {
        action: 'process_trigger',
        triggerType: 'EVENT',
        eventType: 'signed_up',
      });
      expect(byEvent.status).toBe(200);
      const list = (await call('GET', '/campaigns')).json as Array<{ id: string; _count: unknown }>;
      expect(list.find((c) => c.id === created.id)?._count).toEqual({ enrollments: 0, messages: 4 });
    });

    it('adds no message for a campaign without SEND_MESSAGE nodes', async () => {
      const created = await createCampaign({ workflow: { nodes: [{ id: 't', kind: 'TRIGGER', type: 'MANUAL' }], edges: [] } });
      await call('POST', `/campaigns/${created.id}/execute`, { action: 'process_trigger', triggerType: 'MANUAL' });
      expect((await call('GET', `/campaigns/${created.id}`)).json._count.messages).toBe(0);
    });
  });

  describe('enroll', () => {
    it('answers 409 unless the campaign is ACTIVE', async () => {
      const created = await createCampaign();
      for (const status of ['DRAFT', 'PAUSED', 'COMPLETED', 'ARCHIVED']) {
        await call('PATCH', `/campaigns/${created.id}`, { status });
        const answer = await call('POST', `/campaigns/${created.id}/enroll`, { contactIds: ['ct_1'] });
        expect(answer.status).toBe(409);
        expect(answer.json).toEqual({ error: 'Campaign is not active' });
      }
      expect((await call('GET', `/campaigns/${created.id}`)).json._count.enrollments).toBe(0);
    });

    it('enrolls known contacts, reports repeats and unknown contacts per contact, and counts them', async () => {
      const created = await createCampaign();
      await call('PATCH', `/campaigns/${created.id}`, { status: 'ACTIVE' });
      const first = await call('POST', `/campaigns/${created.id}/enroll`, {
        contactIds: ['ct_1', 'ct_2', 'ct_1', '', '   ', 'missing_42'],
      });
      expect(first.status).toBe(200);
      expect(first.json).toEqual({
        enrolled: 2,
        alreadyEnrolled: 1,
        errors: 3,
        details: [
          { contactId: 'ct_1', status: 'enrolled' },
          { contactId: 'ct_2', status: 'enrolled' },
          { contactId: 'ct_1', status: 'already_enrolled' },
          { contactId: '', status: 'error', error: 'Contact not found' },
          { contactId: '   ', status: 'error', error: 'Contact not found' },
          { contactId: 'missing_42', status: 'error', error: 'Contact not found' },
        ],
      });
      const second = await call('POST', `/campaigns/${created.id}/enroll`, { contactIds: ['ct_2', 'ct_3'] });
      expect(second.json).toEqual({
        enrolled: 1,
        alreadyEnrolled: 1,
        errors: 0,
        details: [
          { contactId: 'ct_2', status: 'already_enrolled' },
          { contactId: 'ct_3', status: 'enrolled' },
        ],
      });
      expect((await call('GET', `/campaigns/${created.id}`)).json._count).toEqual({ enrollments: 3, messages: 0 });
    });

    it('answers an empty list with zero counts', async () => {
      const created = await createCampaign();
      await call('PATCH', `/campaigns/${created.id}`, { status: 'ACTIVE' });
      const answer = await call('POST', `/campaigns/${created.id}/enroll`, { contactIds: [] });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ enrolled: 0, alreadyEnrolled: 0, errors: 0, details: [] });
    });
  });

  describe('authentication and addressing', () => {
    it('answers 401 without an Authorization header', async () => {
      const anonymous = workspaceClient(backend, { authorization: null });
      for (const [method, path] of [
        ['GET', '/campaigns'],
        ['POST', '/campaigns'],
        ['GET', '/campaigns/cmp_x'],
        ['DELETE', '/campaigns/cmp_x'],
      ] as const) {
        const answer = await anonymous(method, path, method === 'POST' ? {} : undefined);
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual({ error: 'Unauthorized' });
      }
    });

    it('answers 401 to a wrong token or another scheme', async () => {
      for (const authorization of ['Bearer wrong-token', 'Basic d3MtZGVtby1zZXNzaW9uLXRva2Vu', 'ws-demo-session-token', 'Bearer ']) {
        const answer = await workspaceClient(backend, { authorization })('GET', '/campaigns');
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual({ error: 'Unauthorized' });
      }
    });

    it('accepts the bearer scheme in any case', async () => {
      const answer = await workspaceClient(backend, { authorization: 'bearer ws-demo-session-token' })('GET', '/campaigns');
      expect(answer.status).toBe(200);
    });

    it('checks credentials before the workspace', async () => {
      const answer = await workspaceClient(backend, { workspaceId: 'ws_other', authorization: null })('GET', '/campaigns');
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: 'Unauthorized' });
    });

    it('answers 404 Workspace not found for an unknown workspace on every endpoint', async () => {
      const created = await createCampaign();
      const elsewhere = workspaceClient(backend, { workspaceId: 'ws_other' });
      for (const [method, path, body] of [
        ['GET', '/campaigns', undefined],
        ['POST', '/campaigns', { name: 'x', type: 'AUTOMATED', workflow: { nodes: [], edges: [] } }],
        ['GET', `/campaigns/${created.id}`, undefined],
        ['PATCH', `/campaigns/${created.id}`, { name: 'x' }],
        ['DELETE', `/campaigns/${created.id}`, undefined],
        ['POST', `/campaigns/${created.id}/execute`, { action: 'execute_for_contact', contactId: 'ct_1' }],
        ['POST', `/campaigns/${created.id}/enroll`, { contactIds: ['ct_1'] }],
      ] as const) {
        const answer = await elsewhere(method, path, body);
        expect(answer.status).toBe(404);
        expect(answer.json).toEqual({ error: 'Workspace not found' });
      }
      expect((await call('GET', `/campaigns/${created.id}`)).json.name).toBe('Onboarding');
    });

    it('answers 404 Campaign not found for an unknown campaign on every campaign endpoint', async () => {
      for (const [method, path, body] of [
        ['GET', '/campaigns/cmp_nope', undefined],
        ['PATCH', '/campaigns/cmp_nope', { name: 'x' }],
        ['DELETE', '/campaigns/cmp_nope', undefined],
        ['POST', '/campaigns/cmp_nope/execute', { action: 'execute_for_contact', contactId: 'ct_1' }],
        ['POST', '/campaigns/cmp_nope/enroll', { contactIds: ['ct_1'] }],
      ] as const) {
        const answer = await call(method, path, body);
        expect(answer.status).toBe(404);
        expect(answer.json).toEqual({ error: 'Campaign not found' });
      }
    });

    it('answers 404 JSON to an unknown route or method', async () => {
      for (const [method, path] of [
        ['GET', '/nothing-here'],
        ['PUT', '/campaigns'],
        ['GET', '/campaigns/cmp_x/enroll'],
      ] as const) {
        const answer = await call(method, path);
        expect(answer.status).toBe(404);
        expect(answer.headers['content-type']).toBe('application/json');
        expect(answer.json).toEqual({ error: 'Not found' });
      }
    });

    it('serves another workspace id and token when configured', async () => {
      const custom = await startWorkspaceBackend({ seed: false, workspaceId: 'ws_acme', sessionToken: 'acme-token' });
      try {
        expect(custom.credentials).toEqual({ workspaceId: 'ws_acme', sessionToken: 'acme-token' });
        expect((await workspaceClient(custom)('GET', '/campaigns')).status).toBe(200);
        const demoPath = await workspaceClient(custom, { workspaceId: 'ws_demo' })('GET', '/campaigns');
        expect(demoPath.status).toBe(404);
        const demoToken = await workspaceClient(custom, { authorization: 'Bearer ws-demo-session-token' })('GET', '/campaigns');
        expect(demoToken.status).toBe(401);
      } finally {
        await custom.close();
      }
    });
  });
});
