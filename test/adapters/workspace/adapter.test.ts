import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { UpstreamCache } from '../../../src/adapters/http/upstream-cache.js';
import type { Campaign, Touchpoint } from '../../../src/model/unified.js';
import type { WorkspaceReferenceBackend } from '../../../src/reference-backends/workspace/index.js';
import { describeAdapterConformance } from '../../conformance/adapter-conformance.js';
import { backendGet, rejection, startFakeWorkspace, startWorkspaceFixture, wireCampaign, workspaceAdapterFor } from './workspace-fixture.js';
import { facetOf } from '../../../src/adapters/seam/capabilities.js';
import { definitionOfKind } from '../../support/backend-kinds.js';

const CAPABILITIES = [
  'CAMPAIGN_CREATE',
  'CAMPAIGN_UPDATE',
  'CAMPAIGN_DELETE',
  'TOUCHPOINTS',
  'TOUCHPOINT_WRITE',
  'ENROLLMENT',
  'EXECUTE',
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

describeAdapterConformance(definitionOfKind('workspace'), {
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
  facets: ['campaignCreate', 'campaignUpdate', 'campaignDelete', 'touchpoints', 'touchpointWrites', 'enrollment', 'execution', 'deliveryStats'],
  writes: {
    createCampaign: { name: 'Conformance Probe', type: 'AUTOMATED', description: 'Made by the shared suite' },
    updateCampaign: { name: 'Conformance Probe (renamed)', description: null },
    touchpoint: {
      create: { name: 'Probe email', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Hello', body: 'A probe of the shared suite.' } },
      update: { name: 'Probe email (renamed)', position: 0 },
    },
    enroll: { campaignNativeId: 'cmp_trial_ending', contactIds: ['ct_conformance_1', 'ct_2001', 'missing_conformance'] },
    execute: { campaignNativeId: 'cmp_telegram_launch', input: { contactId: 'ct_conformance_1' } },
  },
});

describe('workspace adapter against its reference backend', () => {
  let backend: WorkspaceReferenceBackend;
  let adapter: BackendAdapter;

  beforeAll(async () => {
    ({ backend, adapter } = await startWorkspaceFixture());
  });
  afterAll(async () => {
    await adapter?.close();
    await backend?.close();
  });

  it('creates, reads back, updates and deletes a campaign', async () => {
    const created = await facetOf(adapter, 'campaignCreate').create(
      {
        name: 'Reactivation',
        description: 'Bring back dormant users',
        type: 'BROADCAST',
        scheduledAt: '2026-07-01T10:00:00+02:00',
        endsAt: '2026-07-31T00:00:00Z',
        settings: { frequencyCap: 2 },
      },
      {},
    );
    expect(created).toMatchObject({
      backend: 'growth',
      name: 'Reactivation',
      description: 'Bring back dormant users',
      status: 'DRAFT',
      rawStatus: 'DRAFT',
      channels: [],
      scheduledAt: '2026-07-01T08:00:00.000Z',
      enrollmentCount: 0,
      deliveryStats: { total: null, sent: 0, delivered: null, failed: null },
      touchpoints: [],
    });
    const id = created.nativeId;

    const [read] = await adapter.getCampaigns([id], {});
    expect(read).toMatchObject({ nativeId: id, name: 'Reactivation', status: 'DRAFT' });

    const stored = await backendGet(backend, `/campaigns/${id}`);
    expect(stored.json).toMatchObject({
      type: 'BROADCAST',
      startAt: '2026-07-01T08:00:00.000Z',
      endAt: '2026-07-31T00:00:00.000Z',
      settings: { frequencyCap: 2 },
      workflow: { nodes: [], edges: [] },
    });

    const updated = await facetOf(adapter, 'campaignUpdate').update(
      id,
      { name: 'Reactivation v2', status: 'ACTIVE', scheduledAt: null, description: null, settings: { frequencyCap: 5 } },
      {},
    );
    expect(updated).toMatchObject({ name: 'Reactivation v2', status: 'ACTIVE', scheduledAt: null, description: null });
    expect((await backendGet(backend, `/campaigns/${id}`)).json).toMatchObject({
      name: 'Reactivation v2',
      status: 'ACTIVE',
      startAt: null,
      endAt: '2026-07-31T00:00:00.000Z',
      settings: { frequencyCap: 5 },
    });

    await facetOf(adapter, 'campaignDelete').delete(id, {});
    expect((await backendGet(backend, `/campaigns/${id}`)).status).toBe(404);
    expect(await adapter.getCampaigns([id], {})).toEqual([null]);
  });

  it('creates an AUTOMATED campaign when no type is given', async () => {
    const created = await facetOf(adapter, 'campaignCreate').create({ name: 'Defaults' }, {});
    expect((await backendGet(backend, `/campaigns/${created.nativeId}`)).json.type).toBe('AUTOMATED');
    await facetOf(adapter, 'campaignDelete').delete(created.nativeId, {});
  });

  it('an update that changes nothing is BAD_USER_INPUT and sends nothing (no read through a write)', async () => {
    const before = backend.requests.count();
    const error = await rejection(facetOf(adapter, 'campaignUpdate').update('cmp_loyalty_gold', { name: null, status: null, settings: null }, {}));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', backend: 'growth' });
    expect(backend.requests.count()).toBe(before);
  });

  describe('rejects input before calling the backend', () => {
    const cases: [string, () => Promise<unknown>, string][] = [
      ['a blank name', () => facetOf(adapter, 'campaignCreate').create({ name: '  ' }, {}), 'input.name'],
      ['an unknown type', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', type: 'DEFAULT' }, {}), 'input.type'],
      ['a scheduledAt that is no date-time', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', scheduledAt: 'tomorrow' }, {}), 'input.scheduledAt'],
      ['an endsAt that is no date-time', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', endsAt: '2026-13-01' }, {}), 'input.endsAt'],
      ['settings that are not an object', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', settings: [1, 2] }, {}), 'input.settings'],
      ['channels (they come from touchpoints)', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', channels: ['EMAIL'] }, {}), 'input.channels'],
      ['recipients', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', recipients: [{ contactId: 'c1' }] }, {}), 'input.recipients'],
      ['templateId', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', templateId: 't1' }, {}), 'input.templateId'],
      ['message', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', message: 'hello' }, {}), 'input.message'],
      ['payload', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', payload: '{}' }, {}), 'input.payload'],
      ['workflowId', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', workflowId: 'wf_1' }, {}), 'input.workflowId'],
      ['senders', () => facetOf(adapter, 'campaignCreate').create({ name: 'x', senders: { smsFrom: '+100' } }, {}), 'input.senders'],
      ['a status the workspace lacks', () => facetOf(adapter, 'campaignUpdate').update('cmp_welcome_series', { status: 'SCHEDULED' }, {}), 'input.status'],
      ['an UNKNOWN status', () => facetOf(adapter, 'campaignUpdate').update('cmp_welcome_series', { status: 'UNKNOWN' }, {}), 'input.status'],
      ['a blank new name', () => facetOf(adapter, 'campaignUpdate').update('cmp_welcome_series', { name: '' }, {}), 'input.name'],
      ['both contactId and triggerType', () => facetOf(adapter, 'execution').execute('cmp_welcome_series', { contactId: 'c', triggerType: 'MANUAL' }, {}), 'input'],
      ['neither contactId nor triggerType', () => facetOf(adapter, 'execution').execute('cmp_welcome_series', {}, {}), 'input'],
      ['a segmentId with a contact execution', () => facetOf(adapter, 'execution').execute('cmp_welcome_series', { contactId: 'c', segmentId: 's' }, {}), 'input.segmentId'],
    ];
    for (const [what, call, field] of cases) {
      it(`${what} → BAD_USER_INPUT ${field}`, async () => {
        const before = backend.requests.count();
        const error = await rejection(call());
        expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, backend: 'growth' });
        expect(error.message).toContain(field.replace(/^input\./, ''));
        expect(backend.requests.count()).toBe(before);
      });
    }
  });

  it('mutations on an unknown campaign are NOT_FOUND', async () => {
    const calls = [
      () => facetOf(adapter, 'campaignUpdate').update('cmp_missing', { name: 'x' }, {}),
      () => facetOf(adapter, 'campaignDelete').delete('cmp_missing', {}),
      () => facetOf(adapter, 'enrollment').enroll('cmp_missing', ['ct_1'], {}),
      () => facetOf(adapter, 'execution').execute('cmp_missing', { contactId: 'ct_1' }, {}),
    ];
    for (const call of calls) {
      const error = await rejection(call());
      expect(error).toMatchObject({ code: 'NOT_FOUND', backend: 'growth' });
      expect(error.message).toContain('cmp_missing');
    }
  });

  it('enrolls contacts and maps each outcome', async () => {
    const result = await facetOf(adapter, 'enrollment').enroll('cmp_trial_ending', ['ct_new_1', 'ct_2001', 'missing_x', 'ct_new_1'], {});
    expect(result).toEqual({
      enrolled: 1,
      alreadyEnrolled: 2,
      failed: 1,
      results: [
        { contactId: 'ct_new_1', status: 'ENROLLED', error: null },
        { contactId: 'ct_2001', status: 'ALREADY_ENROLLED', error: null },
        { contactId: 'missing_x', status: 'FAILED', error: 'Contact not found' },
        { contactId: 'ct_new_1', status: 'ALREADY_ENROLLED', error: null },
      ],
    });
    const [campaign] = (await adapter.getCampaigns(['cmp_trial_ending'], {})) as Campaign[];
    expect(campaign!.enrollmentCount).toBe(965);
  });

  it('enrolling into a campaign that is not active is CONFLICT with the backend message', async () => {
    const error = await rejection(facetOf(adapter, 'enrollment').enroll('cmp_summer_webinar', ['ct_1'], {}));
    expect(error).toMatchObject({ code: 'CONFLICT', backend: 'growth' });
    expect(error.message).toContain('Campaign is not active');
  });

  it('executes for a contact and for a trigger, each counting its messages', async () => {
    const forContact = await facetOf(adapter, 'execution').execute('cmp_telegram_launch', { contactId: 'ct_9' }, {});
    expect(forContact.executed).toBe(true);
    expect(forContact.executionId).toMatch(/^exe_/);
    const forTrigger = await facetOf(adapter, 'execution').execute('cmp_telegram_launch', { triggerType: 'SEGMENT_ENTRY', segmentId: 'seg_1' }, {});
    expect(forTrigger.executed).toBe(true);
    const [campaign] = (await adapter.getCampaigns(['cmp_telegram_launch'], {})) as Campaign[];
    expect(campaign!.deliveryStats!.sent).toBe(4);
    const sent = backend.requests.list({ method: 'POST', path: /\/execute$/ });
    expect(sent.length).toBeGreaterThanOrEqual(2);
  });

  it('never sends a mutation twice when the backend answers 500', async () => {
    const posts = () => backend.requests.count({ method: 'POST', path: '/api/workspaces/ws_demo/campaigns' });
    const before = posts();
    await backend.faults.set({ kind: 'status500', times: 1 });
    const error = await rejection(facetOf(adapter, 'campaignCreate').create({ name: 'Once only' }, {}));
    expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'growth' });
    expect(posts()).toBe(before + 1);

    const patches = () => backend.requests.count({ method: 'PATCH' });
    const patchesBefore = patches();
    await backend.faults.set({ kind: 'status500', times: 1 });
    expect(await rejection(facetOf(adapter, 'campaignUpdate').update('cmp_loyalty_gold', { name: 'x' }, {}))).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(patches()).toBe(patchesBefore + 1);

    const executes = () => backend.requests.count({ method: 'POST', path: /\/execute$/ });
    const executesBefore = executes();
    await backend.faults.set({ kind: 'status500', times: 1 });
    expect(await rejection(facetOf(adapter, 'execution').execute('cmp_loyalty_gold', { contactId: 'ct_1' }, {}))).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(executes()).toBe(executesBefore + 1);
  });

  it('retries a read that met a 500', async () => {
    await backend.faults.set({ kind: 'status500', times: 1 });
    const [campaign] = await adapter.getCampaigns(['cmp_welcome_series'], {});
    expect((campaign as Campaign).name).toBe('Welcome Series');
  });

  it('lists from one call in the list form, and shares a campaign\'s full read with its touchpoint read in one request', async () => {
    const cache = new UpstreamCache();
    const before = backend.requests.count();
    const list = await adapter.listCampaigns(
      { order: { field: 'CREATED_AT', direction: 'DESC' }, filter: {}, after: null, resume: null, limit: 21 },
      { cache },
    );
    expect(backend.requests.count()).toBe(before + 1);
    expect(list.exhaustive).toBe(true);
    expect(list.items.length).toBeGreaterThanOrEqual(10);
    // The contract's list form carries everything but the workflow (channels, touchpoints) and the full record.
    for (const { campaign } of list.items) expect([...campaign.lacks!].sort()).toEqual(['channels', 'raw', 'touchpoints']);
    const [full] = await adapter.getCampaigns(['cmp_abandoned_cart'], { cache });
    expect((full as Campaign).lacks).toBeUndefined();
    const [touchpoints] = await facetOf(adapter, 'touchpoints').list(['cmp_abandoned_cart'], { cache });
    expect(touchpoints).toHaveLength(8);
    expect(backend.requests.count()).toBe(before + 2);
  });

  it('filtering on channels reads the full records of only the campaigns the list form does not filter out', async () => {
    const before = backend.requests.count({ method: 'GET', path: /\/campaigns\/[^/]+$/ });
    const list = await adapter.listCampaigns(
      { order: { field: 'NAME', direction: 'ASC' }, filter: { status: ['ARCHIVED'], channels: ['EMAIL'] }, after: null, resume: null, limit: 21 },
      {},
    );
    expect(list.items.map((item) => item.campaign.nativeId)).toEqual(['cmp_back_to_school']);
    expect(list.items[0]!.campaign.channels).toEqual(['EMAIL']);
    expect(backend.requests.count({ method: 'GET', path: /\/campaigns\/[^/]+$/ })).toBe(before + 1);
  });

  it('wrong credentials are BACKEND_UNAUTHORIZED; an unknown workspace is BACKEND_ERROR', async () => {
    const query = { order: { field: 'NAME', direction: 'ASC' }, filter: {}, after: null, resume: null, limit: 5 } as const;
    const wrongToken = workspaceAdapterFor(backend.url, { sessionToken: 'nope' });
    const wrongWorkspace = workspaceAdapterFor(backend.url, { workspaceId: 'ws/other' });
    try {
      expect(await rejection(wrongToken.listCampaigns(query, {}))).toMatchObject({ code: 'BACKEND_UNAUTHORIZED', backend: 'growth' });
      const error = await rejection(wrongWorkspace.listCampaigns(query, {}));
      expect(error).toMatchObject({ code: 'BACKEND_ERROR', backend: 'growth' });
      expect(error.message).toContain('Workspace not found');
      const [campaign] = await wrongWorkspace.getCampaigns(['cmp_welcome_series'], {});
      expect(campaign).toMatchObject({ code: 'BACKEND_ERROR' });
    } finally {
      await wrongToken.close();
      await wrongWorkspace.close();
    }
  });
});

describe('workspace adapter against wire shapes the reference backend never sends', () => {
  const query = { order: { field: 'CREATED_AT', direction: 'DESC' }, filter: {}, after: null, resume: null, limit: 21 } as const;

  it('keeps an unknown status word as rawStatus with status UNKNOWN, and tolerates unknown fields', async () => {
    const record = wireCampaign({ status: 'RUNNING', brandNew: { nested: true } });
    const fake = await startFakeWorkspace(({ path }) => (path.endsWith('/campaigns') ? { status: 200, body: [record] } : { status: 200, body: record }));
    const adapter = workspaceAdapterFor(fake.url);
    try {
      const list = await adapter.listCampaigns(query, {});
      expect(list.recordErrors).toEqual([]);
      expect(list.items[0]!.campaign).toMatchObject({ status: 'UNKNOWN', rawStatus: 'RUNNING', raw: { brandNew: { nested: true } } });
    } finally {
      await adapter.close();
      await fake.close();
    }
  });

  it('leaves out a record that breaks the wire schema with a BACKEND_ERROR naming the backend, the others stand', async () => {
    const good = wireCampaign({ id: 'cmp_good' });
    const badInList = wireCampaign({ id: 'cmp_bad_list', _count: undefined });
    const badDetail = wireCampaign({ id: 'cmp_bad_detail' });
    const listForm = ({ workflow: _workflow, ...summary }: Record<string, unknown>) => summary;
    const fake = await startFakeWorkspace(({ path }) => {
      if (path.endsWith('/campaigns')) return { status: 200, body: [good, badInList, badDetail].map(listForm) };
      if (path.endsWith('/cmp_bad_detail')) return { status: 200, body: { ...badDetail, createdAt: 'yesterday' } };
      return { status: 200, body: good };
    });
    const adapter = workspaceAdapterFor(fake.url);
    try {
      // Filtering on channels makes the list read each campaign's full record.
      const list = await adapter.listCampaigns({ ...query, filter: { channels: ['EMAIL'] } }, {});
      expect(list.items.map((item) => item.campaign.nativeId)).toEqual(['cmp_good']);
      expect(list.recordErrors).toHaveLength(2);
      for (const error of list.recordErrors) expect(error).toMatchObject({ code: 'BACKEND_ERROR', backend: 'growth' });
      expect(list.recordErrors.map((e) => e.message).join('\n')).toMatch(/cmp_bad_list[\s\S]*cmp_bad_detail/);
    } finally {
      await adapter.close();
      await fake.close();
    }
  });

  it('maps the backend 400 details to the GraphQL input field, keeping its message', async () => {
    const fake = await startFakeWorkspace(({ method, path }) => {
      if (method === 'GET') return { status: 200, body: wireCampaign() };
      if (path.endsWith('/execute')) return { status: 400, body: { error: 'Validation failed', details: [{ path: 'contactId', message: 'Unknown contact' }] } };
      if (path.endsWith('/enroll')) return { status: 400, body: { error: 'Validation failed', details: [{ path: 'contactIds.0', message: 'Too long' }] } };
      if (method === 'POST') return { status: 400, body: { error: 'Validation failed', details: [{ path: 'name', message: 'Name already used' }] } };
      const nodes = (wireCampaign().workflow as { nodes: unknown[] }).nodes;
      return { status: 400, body: { error: 'Validation failed', details: [{ path: `workflow.nodes.${nodes.length}.config.channel`, message: 'Nope' }] } };
    });
    const adapter = workspaceAdapterFor(fake.url);
    try {
      const create = await rejection(facetOf(adapter, 'campaignCreate').create({ name: 'Dup' }, {}));
      expect(create).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', backend: 'growth' });
      expect(create.message).toContain('Name already used');
      const touchpoint = await rejection(facetOf(adapter, 'touchpointWrites').create('cmp_fake', { name: 'x', type: 'MESSAGE', channel: 'PUSH', message: 'hi' }, {}));
      expect(touchpoint).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
      expect(touchpoint.message).toContain('Nope');
      const execute = await rejection(facetOf(adapter, 'execution').execute('cmp_fake', { contactId: 'ct_1' }, {}));
      expect(execute).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactId' });
      expect(execute.message).toContain('Unknown contact');
      const enroll = await rejection(facetOf(adapter, 'enrollment').enroll('cmp_fake', ['ct_1'], {}));
      expect(enroll).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactIds' });
    } finally {
      await adapter.close();
      await fake.close();
    }
  });

  it('sends the workflow PATCH of a touchpoint edit once, even when it fails with 500', async () => {
    const fake = await startFakeWorkspace(({ method }) => (method === 'GET' ? { status: 200, body: wireCampaign() } : { status: 500, body: { error: 'boom' } }));
    const adapter = workspaceAdapterFor(fake.url, { retries: 2 });
    try {
      const error = await rejection(facetOf(adapter, 'touchpointWrites').create('cmp_fake', { name: 'x', type: 'DELAY', rawType: 'SHORT_DELAY' }, {}));
      expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    } finally {
      await adapter.close();
      await fake.close();
    }
  });

  it('refuses to edit touchpoints of a campaign read without its workflow', async () => {
    const { workflow: _omit, ...bare } = wireCampaign();
    const fake = await startFakeWorkspace(() => ({ status: 200, body: bare }));
    const adapter = workspaceAdapterFor(fake.url);
    try {
      const error = await rejection(facetOf(adapter, 'touchpointWrites').create('cmp_fake', { name: 'x', type: 'DELAY', rawType: 'SHORT_DELAY' }, {}));
      expect(error).toMatchObject({ code: 'BACKEND_ERROR' });
      expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    } finally {
      await adapter.close();
      await fake.close();
    }
  });
});
