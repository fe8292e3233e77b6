import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceBackend,
  type WorkspaceReferenceBackend,
} from '../../../src/reference-backends/workspace/index.js';
import { workspaceClient } from './workspace-client.js';

const validWorkflow = {
  nodes: [
    { id: 'n1', kind: 'TRIGGER', type: 'SEGMENT_ENTRY', config: { segmentId: 'seg_1' } },
    { id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', config: { channel: 'EMAIL', subject: 'Hi' } },
  ],
  edges: [{ source: 'n1', target: 'n2' }],
};
const validCampaign = { name: 'Welcome', type: 'AUTOMATED', workflow: validWorkflow };

const invalid = (...details: Array<[path: string, message: string]>) => ({
  error: 'Validation failed',
  details: details.map(([path, message]) => ({ path, message })),
});

describe('workspace reference backend: request validation', () => {
  let backend: WorkspaceReferenceBackend;
  let call: ReturnType<typeof workspaceClient>;
  let draftId: string;
  let activeId: string;

  beforeAll(async () => {
    backend = await startWorkspaceBackend({ seed: false });
    call = workspaceClient(backend);
    draftId = (await call('POST', '/campaigns', validCampaign)).json.id;
    activeId = (await call('POST', '/campaigns', validCampaign)).json.id;
    await call('PATCH', `/campaigns/${activeId}`, { status: 'ACTIVE' });
  });
  afterAll(() => backend.close());

  async function expect400(method: 'POST' | 'PATCH', path: string, body: unknown, expected: unknown) {
    const answer = await call(method, path, body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(expected);
  }

  const createWith = (workflow: unknown) => ({ ...validCampaign, workflow });

  describe('create', () => {
    it('requires name, type and workflow', async () => {
      await expect400('POST', '/campaigns', {}, invalid(['name', 'Required'], ['type', 'Required'], ['workflow', 'Required']));
    });

    it('treats an empty body as {}', async () => {
      const answer = await call('POST', '/campaigns', undefined, { rawBody: '' });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(invalid(['name', 'Required'], ['type', 'Required'], ['workflow', 'Required']));
    });

    it('rejects a body that is not an object', async () => {
      await expect400('POST', '/campaigns', [validCampaign], invalid(['', 'Expected object, received array']));
      await expect400('POST', '/campaigns', null, invalid(['', 'Expected object, received null']));
    });

    it('rejects a name that is not a non-empty string', async () => {
      await expect400('POST', '/campaigns', { ...validCampaign, name: 42 }, invalid(['name', 'Expected string, received number']));
      await expect400('POST', '/campaigns', { ...validCampaign, name: '' }, invalid(['name', 'Must not be empty']));
    });

    it('rejects a type outside AUTOMATED, BROADCAST, TRANSACTIONAL', async () => {
      await expect400(
        'POST',
        '/campaigns',
        { ...validCampaign, type: 'RECURRING' },
        invalid(['type', 'Expected one of AUTOMATED, BROADCAST, TRANSACTIONAL']),
      );
    });

    it('rejects description, settings and dates of the wrong shape', async () => {
      await expect400(
        'POST',
        '/campaigns',
        { ...validCampaign, description: 7, settings: [1], startAt: 'tomorrow', endAt: '2026-02-01' },
        invalid(
          ['description', 'Expected string, received number'],
          ['settings', 'Expected object, received array'],
          ['startAt', 'Expected an ISO 8601 date-time'],
          ['endAt', 'Expected an ISO 8601 date-time'],
        ),
      );
    });

    it('rejects malformed JSON', async () => {
      const answer = await call('POST', '/campaigns', undefined, { rawBody: '{"name": "Welcome",' });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: 'Malformed JSON body', details: [] });
    });

    it('creates nothing when it refuses', async () => {
      const before = (await call('GET', '/campaigns')).json.length;
      await call('POST', '/campaigns', { ...validCampaign, type: 'NOPE' });
      expect((await call('GET', '/campaigns')).json.length).toBe(before);
    });
  });

  describe('workflow', () => {
    it('must be an object with a nodes array', async () => {
      await expect400('POST', '/campaigns', createWith([]), invalid(['workflow', 'Expected object, received array']));
      await expect400('POST', '/campaigns', createWith({ edges: [] }), invalid(['workflow.nodes', 'Required']));
      await expect400('POST', '/campaigns', createWith({ nodes: {} }), invalid(['workflow.nodes', 'Expected array, received object']));
    });

    it('requires each node to have an id, a kind and a type', async () => {
      await expect400(
        'POST',
        '/campaigns',
        createWith({ nodes: [{}], edges: [] }),
        invalid(['workflow.nodes.0.id', 'Required'], ['workflow.nodes.0.kind', 'Required'], ['workflow.nodes.0.type', 'Required']),
      );
      await expect400(
        'POST',
        '/campaigns',
        createWith({ nodes: [{ id: '', kind: 'TRIGGER', type: 'MANUAL' }], edges: [] }),
        invalid(['workflow.nodes.0.id', 'Must not be empty']),
      );
    });

    it('rejects a kind outside the list', async () => {
      await expect400(
        'POST',
        '/campaigns',
        createWith({ nodes: [{ id: 'n1', kind: 'LOOP', type: 'MANUAL' }], edges: [] }),
        invalid(['workflow.nodes.0.kind', 'Expected one of TRIGGER, ACTION, CONDITION, DELAY']),
      );
    });

    it('rejects a type that does not belong to its kind', async () => {
      const cases: Array<[kind: string, type: string, allowed: string]> = [
        ['TRIGGER', 'SEND_MESSAGE', 'EVENT, SEGMENT_ENTRY, SEGMENT_EXIT, SCHEDULED, MANUAL'],
        ['ACTION', 'EVENT', 'SEND_MESSAGE, SET_FIELD, ADD_TAG, REMOVE_TAG, WEBHOOK, UPDATE_SCORE, NOTIFY_INBOX'],
        ['CONDITION', 'LONG_DELAY', 'ATTRIBUTE_CHECK, EVENT_CHECK, AB_SPLIT'],
        ['DELAY', 'SLEEP', 'SHORT_DELAY, LONG_DELAY'],
      ];
      for (const [kind, type, allowed] of cases) {
        await expect400(
          'POST',
          '/campaigns',
          createWith({ nodes: [validWorkflow.nodes[0], { id: 'x', kind, type }], edges: [] }),
          invalid(['workflow.nodes.1.type', `Expected one of ${allowed} for a ${kind} node`]),
        );
      }
    });

    it('accepts every type of every kind', async () => {
      const types: Record<string, string[]> = {
        TRIGGER: ['EVENT', 'SEGMENT_ENTRY', 'SEGMENT_EXIT', 'SCHEDULED', 'MANUAL'],
        ACTION: ['SET_FIELD', 'ADD_TAG', 'REMOVE_TAG', 'WEBHOOK', 'UPDATE_SCORE', 'NOTIFY_INBOX'],
        CONDITION: ['ATTRIBUTE_CHECK', 'EVENT_CHECK', 'AB_SPLIT'],
        DELAY: ['SHORT_DELAY', 'LONG_DELAY'],
      };
      const nodes = Object.entries(types).flatMap(([kind, list]) => list.map((type) => ({ id: `${kind}-${type}`, kind, type })));
      const channels = ['EMAIL', 'PUSH', 'TELEGRAM', 'ON_SITE'].map((channel) => ({
        id: `send-${channel}`,
        kind: 'ACTION',
        type: 'SEND_MESSAGE',
        config: { channel },
      }));
      const answer = await call('POST', '/campaigns', createWith({ nodes: [...nodes, ...channels], edges: [] }));
      expect(answer.status).toBe(201);
      expect(answer.json.workflow.nodes).toHaveLength(nodes.length + channels.length);
    });

    it('requires SEND_MESSAGE to name a channel from the list', async () => {
      const send = (config: unknown) => createWith({ nodes: [{ id: 's', kind: 'ACTION', type: 'SEND_MESSAGE', config }], edges: [] });
      await expect400('POST', '/campaigns', send({ subject: 'Hi' }), invalid(['workflow.nodes.0.config.channel', 'Required']));
      await expect400('POST', '/campaigns', send(undefined), invalid(['workflow.nodes.0.config.channel', 'Required']));
      await expect400(
        'POST',
        '/campaigns',
        send({ channel: 'SMS' }),
        invalid(['workflow.nodes.0.config.channel', 'Expected one of EMAIL, PUSH, TELEGRAM, ON_SITE']),
      );
    });

    it('rejects duplicate node ids, naming each repeat', async () => {
      await expect400(
        'POST',
        '/campaigns',
        createWith({
          nodes: [
            { id: 'n1', kind: 'TRIGGER', type: 'MANUAL' },
            { id: 'n2', kind: 'DELAY', type: 'SHORT_DELAY' },
            { id: 'n1', kind: 'ACTION', type: 'ADD_TAG' },
            { id: 'n2', kind: 'ACTION', type: 'REMOVE_TAG' },
          ],
          edges: [],
        }),
        invalid(['workflow.nodes.2.id', 'Duplicate node id "n1"'], ['workflow.nodes.3.id', 'Duplicate node id "n2"']),
      );
    });

    it('rejects a position that is not an integer and a config that is not an object', async () => {
      await expect400(
        'POST',
        '/campaigns',
        createWith({ nodes: [{ id: 'n1', kind: 'TRIGGER', type: 'MANUAL', position: 1.5, config: 'x' }], edges: [] }),
        invalid(['workflow.nodes.0.position', 'Expected an integer'], ['workflow.nodes.0.config', 'Expected object, received string']),
      );
    });

    it('checks edge shape but not where edges point', async () => {
      await expect400(
        'POST',
        '/campaigns',
        createWith({ nodes: [], edges: [{ source: 'n1' }] }),
        invalid(['workflow.edges.0.target', 'Required']),
      );
      const answer = await call('POST', '/campaigns', createWith({ nodes: [], edges: [{ source: 'ghost', target: 'n9' }] }));
      expect(answer.status).toBe(201);
    });
  });

  describe('update', () => {
    it('rejects a status outside the list', async () => {
      await expect400(
        'PATCH',
        `/campaigns/${draftId}`,
        { status: 'RUNNING' },
        invalid(['status', 'Expected one of DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED']),
      );
    });

    it('rejects null for fields that cannot be cleared', async () => {
      await expect400(
        'PATCH',
        `/campaigns/${draftId}`,
        { name: null, type: null, workflow: null, settings: null },
        invalid(
          ['name', 'Expected string, received null'],
          ['type', 'Expected one of AUTOMATED, BROADCAST, TRANSACTIONAL'],
          ['workflow', 'Expected object, received null'],
          ['settings', 'Expected object, received null'],
        ),
      );
    });

    it('validates a new workflow like create does and leaves the campaign unchanged when it refuses', async () => {
      const before = (await call('GET', `/campaigns/${draftId}`)).json;
      await expect400(
        'PATCH',
        `/campaigns/${draftId}`,
        { name: 'Changed', workflow: { nodes: [{ id: 'a', kind: 'ACTION', type: 'SEND_MESSAGE', config: { channel: 'FAX' } }] } },
        invalid(['workflow.nodes.0.config.channel', 'Expected one of EMAIL, PUSH, TELEGRAM, ON_SITE']),
      );
      expect((await call('GET', `/campaigns/${draftId}`)).json).toEqual(before);
    });

    it('rejects malformed JSON', async () => {
      const answer = await call('PATCH', `/campaigns/${draftId}`, undefined, { rawBody: 'name=x' });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: 'Malformed JSON body', details: [] });
    });
  });

  describe('execute', () => {
    it('requires an action of the two forms', async () => {
      await expect400('POST', `/campaigns/${draftId}/execute`, {}, invalid(['action', 'Required']));
      await expect400(
        'POST',
        `/campaigns/${draftId}/execute`,
        { action: 'run' },
        invalid(['action', 'Expected one of execute_for_contact, process_trigger']),
      );
    });

    it('requires contactId for execute_for_contact', async () => {
      await expect400('POST', `/campaigns/${draftId}/execute`, { action: 'execute_for_contact' }, invalid(['contactId', 'Required']));
      await expect400(
        'POST',
        `/campaigns/${draftId}/execute`,
        { action: 'execute_for_contact', triggerType: 'MANUAL' },
        invalid(['contactId', 'Required']),
      );
      await expect400(
        'POST',
        `/campaigns/${draftId}/execute`,
        { action: 'execute_for_contact', contactId: '' },
        invalid(['contactId', 'Must not be empty']),
      );
    });

    it('requires a triggerType from the list for process_trigger', async () => {
      await expect400('POST', `/campaigns/${draftId}/execute`, { action: 'process_trigger' }, invalid(['triggerType', 'Required']));
      await expect400(
        'POST',
        `/campaigns/${draftId}/execute`,
        { action: 'process_trigger', triggerType: 'WEBHOOK' },
        invalid(['triggerType', 'Expected one of EVENT, SEGMENT_ENTRY, SEGMENT_EXIT, SCHEDULED, MANUAL']),
      );
      await expect400(
        'POST',
        `/campaigns/${draftId}/execute`,
        { action: 'process_trigger', triggerType: 'EVENT', eventType: 5 },
        invalid(['eventType', 'Expected string, received number']),
      );
    });

    it('sends no message when it refuses', async () => {
      await call('POST', `/campaigns/${draftId}/execute`, { action: 'process_trigger' });
      expect((await call('GET', `/campaigns/${draftId}`)).json._count.messages).toBe(0);
    });

    it('rejects malformed JSON', async () => {
      const answer = await call('POST', `/campaigns/${draftId}/execute`, undefined, { rawBody: '{action}' });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: 'Malformed JSON body', details: [] });
    });
  });

  describe('enroll', () => {
    it('requires contactIds as an array of strings', async () => {
      await expect400('POST', `/campaigns/${activeId}/enroll`, {}, invalid(['contactIds', 'Required']));
      await expect400(
        'POST',
        `/campaigns/${activeId}/enroll`,
        { contactIds: 'ct_1' },
        invalid(['contactIds', 'Expected array, received string']),
      );
      await expect400(
        'POST',
        `/campaigns/${activeId}/enroll`,
        { contactIds: ['ct_1', 7, null] },
        invalid(['contactIds.1', 'Expected string, received number'], ['contactIds.2', 'Expected string, received null']),
      );
      expect((await call('GET', `/campaigns/${activeId}`)).json._count.enrollments).toBe(0);
    });

    it('rejects malformed JSON', async () => {
      const answer = await call('POST', `/campaigns/${activeId}/enroll`, undefined, { rawBody: '["ct_1"' });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: 'Malformed JSON body', details: [] });
    });

    it('validates the body before checking that the campaign is active', async () => {
      await expect400('POST', `/campaigns/${draftId}/enroll`, {}, invalid(['contactIds', 'Required']));
    });
  });

  it('answers 404 for an unknown campaign before looking at the body', async () => {
    const answer = await call('PATCH', '/campaigns/cmp_unknown', undefined, { rawBody: '{not json' });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'Campaign not found' });
  });
});
