import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { UpstreamCache } from '../../../src/adapters/http/upstream-cache.js';
import type { Touchpoint } from '../../../src/model/unified.js';
import type { WorkspaceReferenceBackend } from '../../../src/reference-backends/workspace/index.js';
import { backendGet, rejection, startWorkspaceFixture } from './workspace-fixture.js';
import { facetOf } from '../../../src/adapters/seam/capabilities.js';

describe('workspace touchpoints as workflow nodes', () => {
  let backend: WorkspaceReferenceBackend;
  let adapter: BackendAdapter;

  beforeAll(async () => {
    ({ backend, adapter } = await startWorkspaceFixture());
  });
  afterAll(async () => {
    await adapter?.close();
    await backend?.close();
  });

  const workflowOf = async (campaignId: string) => (await backendGet(backend, `/campaigns/${campaignId}`)).json.workflow;
  const emptyCampaign = async (name: string) => (await facetOf(adapter, 'campaignCreate').create({ name }, {})).nativeId;

  it('creates a MESSAGE touchpoint as a SEND_MESSAGE node: a string message is the body', async () => {
    const campaignId = await emptyCampaign('Messages');
    const touchpoint = await facetOf(adapter, 'touchpointWrites').create(
      campaignId,
      { name: 'Hello push', type: 'MESSAGE', channel: 'PUSH', message: 'Hello there', config: { title: 'Hi' } },
      {},
    );
    expect(touchpoint).toMatchObject({
      backend: 'growth',
      campaignNativeId: campaignId,
      name: 'Hello push',
      type: 'MESSAGE',
      rawType: 'SEND_MESSAGE',
      channel: 'PUSH',
      message: { title: 'Hi', body: 'Hello there' },
      position: 0,
      createdAt: null,
    });
    const workflow = await workflowOf(campaignId);
    expect(workflow.nodes).toEqual([
      { id: touchpoint.nativeId, kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Hello push', position: 0, config: { title: 'Hi', body: 'Hello there', channel: 'PUSH' } },
    ]);
    const [campaign] = await adapter.getCampaigns([campaignId], {});
    expect(campaign).toMatchObject({ channels: ['PUSH'] });
  });

  it('merges an object message into config, and appends after the highest position', async () => {
    const campaignId = await emptyCampaign('Merge');
    await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Start', type: 'TRIGGER', rawType: 'MANUAL' }, {});
    const email = await facetOf(adapter, 'touchpointWrites').create(
      campaignId,
      { name: 'Mail', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Hi', body: 'Text' }, config: { subject: 'overridden', replyTo: 'a@b.c' } },
      {},
    );
    expect(email).toMatchObject({ position: 1, channel: 'EMAIL', message: { subject: 'Hi', body: 'Text', replyTo: 'a@b.c' } });
  });

  it('creates other types from their rawType', async () => {
    const campaignId = await emptyCampaign('Kinds');
    const made: Touchpoint[] = [];
    made.push(await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Trigger', type: 'TRIGGER', rawType: 'EVENT', config: { eventType: 'x' } }, {}));
    made.push(await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Tag', type: 'ACTION', rawType: 'ADD_TAG', config: { tag: 't' } }, {}));
    made.push(await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Check', type: 'CONDITION', rawType: 'AB_SPLIT' }, {}));
    made.push(await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Wait', type: 'DELAY', rawType: 'LONG_DELAY', config: { days: 1 } }, {}));
    expect(made.map((tp) => [tp.type, tp.rawType, tp.position, tp.channel, tp.message])).toEqual([
      ['TRIGGER', 'EVENT', 0, null, null],
      ['ACTION', 'ADD_TAG', 1, null, null],
      ['CONDITION', 'AB_SPLIT', 2, null, null],
      ['DELAY', 'LONG_DELAY', 3, null, null],
    ]);
    expect((await workflowOf(campaignId)).nodes.map((n: { kind: string }) => n.kind)).toEqual(['TRIGGER', 'ACTION', 'CONDITION', 'DELAY']);
  });

  describe('rejects touchpoint input before calling the backend', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a MESSAGE without channel', { name: 'x', type: 'MESSAGE', message: 'hi' }, 'input.channel'],
      ['a channel the workspace lacks', { name: 'x', type: 'MESSAGE', channel: 'SMS', message: 'hi' }, 'input.channel'],
      ['a MESSAGE with another rawType', { name: 'x', type: 'MESSAGE', rawType: 'WEBHOOK', channel: 'EMAIL' }, 'input.rawType'],
      ['a DELAY without rawType', { name: 'x', type: 'DELAY' }, 'input.rawType'],
      ['a TRIGGER with a DELAY rawType', { name: 'x', type: 'TRIGGER', rawType: 'LONG_DELAY' }, 'input.rawType'],
      ['an ACTION made as SEND_MESSAGE', { name: 'x', type: 'ACTION', rawType: 'SEND_MESSAGE' }, 'input.rawType'],
      ['a channel on a non-message', { name: 'x', type: 'ACTION', rawType: 'SET_FIELD', channel: 'EMAIL' }, 'input.channel'],
      ['a message on a non-message', { name: 'x', type: 'ACTION', rawType: 'SET_FIELD', message: 'hi' }, 'input.message'],
      ['a message that is a number', { name: 'x', type: 'MESSAGE', channel: 'EMAIL', message: 42 }, 'input.message'],
      ['config that is not an object', { name: 'x', type: 'DELAY', rawType: 'SHORT_DELAY', config: 'fast' }, 'input.config'],
      ['a blank name', { name: ' ', type: 'DELAY', rawType: 'SHORT_DELAY' }, 'input.name'],
    ];
    for (const [what, input, field] of cases) {
      it(`${what} → BAD_USER_INPUT ${field}`, async () => {
        const before = backend.requests.count();
        const error = await rejection(facetOf(adapter, 'touchpointWrites').create('cmp_welcome_series', input as never, {}));
        expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, backend: 'growth' });
        expect(backend.requests.count()).toBe(before);
      });
    }

    it('a negative position → BAD_USER_INPUT input.position', async () => {
      const error = await rejection(facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n1' }, { position: -1 }, {}));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.position' });
    });
  });

  it('adding a node keeps every other node and edge exactly as it was', async () => {
    const before = await workflowOf('cmp_abandoned_cart');
    const added = await facetOf(adapter, 'touchpointWrites').create('cmp_abandoned_cart', { name: 'Tag', type: 'ACTION', rawType: 'ADD_TAG', config: { tag: 'x' } }, {});
    expect(added.position).toBe(8);
    const after = await workflowOf('cmp_abandoned_cart');
    expect(after.nodes.slice(0, -1)).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect(after.nodes.at(-1)).toMatchObject({ id: added.nativeId, position: 8 });
    expect(before.nodes.map((n: { id: string }) => n.id)).not.toContain(added.nativeId);
  });

  it('updating a node changes only that node; config merges and null removes a key', async () => {
    const before = await workflowOf('cmp_winback_lapsed');
    const key = { campaignNativeId: 'cmp_winback_lapsed', nativeId: 'n2' };
    const updated = await facetOf(adapter, 'touchpointWrites').update(key, { name: 'We really miss you', message: { body: 'Code COMEBACK20' }, config: { subject: null } }, {});
    expect(updated).toMatchObject({ name: 'We really miss you', channel: 'EMAIL', message: { body: 'Code COMEBACK20' }, position: 1 });
    const after = await workflowOf('cmp_winback_lapsed');
    expect(after.nodes[1]).toEqual({ ...before.nodes[1], name: 'We really miss you', config: { channel: 'EMAIL', body: 'Code COMEBACK20' } });
    expect(after.nodes.filter((_: unknown, i: number) => i !== 1)).toEqual(before.nodes.filter((_: unknown, i: number) => i !== 1));
    expect(after.edges).toEqual(before.edges);

    const push = await facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_winback_lapsed', nativeId: 'n5' }, { message: 'Only two days left' }, {});
    expect(push.message).toEqual({ text: 'Your COMEBACK15 coupon expires in 3 days.', body: 'Only two days left' });
  });

  it('refuses a message on a non-message node and a config that breaks the channel', async () => {
    const delay = await rejection(facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n3' }, { message: 'hi' }, {}));
    expect(delay).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.message' });
    const channel = await rejection(facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n2' }, { config: { channel: 'SMS' } }, {}));
    expect(channel).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.config' });
  });

  it('moving a node renumbers every node 0..n-1 and leaves edges alone', async () => {
    const before = await workflowOf('cmp_trial_ending');
    const moved = await facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_trial_ending', nativeId: 'n6' }, { position: 1 }, {});
    expect(moved.position).toBe(1);
    const [touchpoints] = (await facetOf(adapter, 'touchpoints').list(['cmp_trial_ending'], {})) as Touchpoint[][];
    expect(touchpoints!.map((tp) => [tp.nativeId, tp.position])).toEqual([
      ['n1', 0],
      ['n6', 1],
      ['n2', 2],
      ['n3', 3],
      ['n4', 4],
      ['n5', 5],
      ['n7', 6],
    ]);
    const last = await facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_trial_ending', nativeId: 'n1' }, { position: 99 }, {});
    expect(last.position).toBe(6);
    const after = await workflowOf('cmp_trial_ending');
    expect(after.edges).toEqual(before.edges);
    const byId = (nodes: { id: string; position: number }[]) => Object.fromEntries(nodes.map(({ id, position: _p, ...rest }) => [id, rest]));
    expect(byId(after.nodes)).toEqual(byId(before.nodes));
  });

  it('deleting a node removes the edges touching it and renumbers the rest', async () => {
    const before = await workflowOf('cmp_spring_sale');
    await facetOf(adapter, 'touchpointWrites').delete({ campaignNativeId: 'cmp_spring_sale', nativeId: 'n2' }, {});
    const after = await workflowOf('cmp_spring_sale');
    expect(after.nodes.map((n: { id: string; position: number }) => [n.id, n.position])).toEqual([
      ['n1', 0],
      ['n3', 1],
      ['n4', 2],
      ['n5', 3],
    ]);
    expect(after.edges).toEqual(before.edges.filter((e: { source: string; target: string }) => e.source !== 'n2' && e.target !== 'n2'));
    expect(after.edges).toEqual([
      { source: 'n3', target: 'n5' },
      { source: 'n4', target: 'n5' },
    ]);
    const [gone] = await facetOf(adapter, 'touchpoints').get([{ campaignNativeId: 'cmp_spring_sale', nativeId: 'n2' }], {});
    expect(gone).toBeNull();
  });

  it('touchpoint mutations on an unknown campaign or node are NOT_FOUND', async () => {
    const calls = [
      () => facetOf(adapter, 'touchpointWrites').create('cmp_missing', { name: 'x', type: 'DELAY', rawType: 'SHORT_DELAY' }, {}),
      () => facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_missing', nativeId: 'n1' }, { name: 'x' }, {}),
      () => facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n_missing' }, { name: 'x' }, {}),
      () => facetOf(adapter, 'touchpointWrites').delete({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n_missing' }, {}),
      () => facetOf(adapter, 'touchpoints').validate({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n_missing' }, {}),
      () => facetOf(adapter, 'touchpoints').validate({ campaignNativeId: 'cmp_missing', nativeId: 'n1' }, {}),
    ];
    for (const call of calls) expect(await rejection(call())).toMatchObject({ code: 'NOT_FOUND', backend: 'growth' });
  });

  it('keeps all 20 of 20 parallel touchpoint creations on one campaign', async () => {
    const campaignId = await emptyCampaign('Parallel');
    const patchesBefore = backend.requests.count({ method: 'PATCH' });
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        facetOf(adapter, 'touchpointWrites').create(campaignId, { name: `Step ${i}`, type: 'DELAY', rawType: 'SHORT_DELAY', config: { seconds: i } }, {}),
      ),
    );
    expect(new Set(created.map((tp) => tp.nativeId)).size).toBe(20);
    const nodes = (await workflowOf(campaignId)).nodes as { id: string; name: string; position: number }[];
    expect(nodes).toHaveLength(20);
    expect(new Set(nodes.map((n) => n.id))).toEqual(new Set(created.map((tp) => tp.nativeId)));
    expect(nodes.map((n) => n.position)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(backend.requests.count({ method: 'PATCH' })).toBe(patchesBefore + 20);
  });

  it('keeps parallel edits of different kinds on one campaign', async () => {
    const campaignId = await emptyCampaign('Mixed');
    const first = await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'First', type: 'TRIGGER', rawType: 'MANUAL' }, {});
    await Promise.all([
      facetOf(adapter, 'touchpointWrites').update({ campaignNativeId: campaignId, nativeId: first.nativeId }, { name: 'Renamed' }, {}),
      ...Array.from({ length: 5 }, (_, i) => facetOf(adapter, 'touchpointWrites').create(campaignId, { name: `Add ${i}`, type: 'ACTION', rawType: 'ADD_TAG' }, {})),
    ]);
    const nodes = (await workflowOf(campaignId)).nodes as { name: string }[];
    expect(nodes).toHaveLength(6);
    expect(nodes[0]!.name).toBe('Renamed');
  });

  it('edits read the campaign fresh even when the request memo holds an older read', async () => {
    const campaignId = await emptyCampaign('Fresh');
    const cache = new UpstreamCache();
    await facetOf(adapter, 'touchpoints').list([campaignId], { cache });
    // Another writer (plain HTTP, not through this adapter) adds a node after the memoized read.
    const { request } = await import('undici');
    const response = await request(`${backend.url}/api/workspaces/ws_demo/campaigns/${campaignId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${backend.credentials.sessionToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workflow: { nodes: [{ id: 'ext', kind: 'TRIGGER', type: 'MANUAL', config: {} }], edges: [] } }),
    });
    await response.body.text();
    await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Mine', type: 'DELAY', rawType: 'SHORT_DELAY' }, { cache });
    const ids = (await workflowOf(campaignId)).nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe('ext');
    expect(ids).toHaveLength(2);
  });

  describe('validateTouchpoint applies the touchpoint API rules to the node', () => {
    it('a complete email is valid, and so is any non-message node', async () => {
      expect(await facetOf(adapter, 'touchpoints').validate({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n2' }, {})).toEqual({ valid: true, errors: [] });
      expect(await facetOf(adapter, 'touchpoints').validate({ campaignNativeId: 'cmp_welcome_series', nativeId: 'n3' }, {})).toEqual({ valid: true, errors: [] });
      expect(await facetOf(adapter, 'touchpoints').validate({ campaignNativeId: 'cmp_telegram_launch', nativeId: 'n2' }, {})).toEqual({ valid: true, errors: [] });
    });

    it('an email without subject and an empty message each give one sentence', async () => {
      const campaignId = await emptyCampaign('Validate');
      const noSubject = await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Mail', type: 'MESSAGE', channel: 'EMAIL', message: 'Body only' }, {});
      const empty = await facetOf(adapter, 'touchpointWrites').create(campaignId, { name: 'Push', type: 'MESSAGE', channel: 'PUSH' }, {});
      const mail = await facetOf(adapter, 'touchpoints').validate({ campaignNativeId: campaignId, nativeId: noSubject.nativeId }, {});
      expect(mail.valid).toBe(false);
      expect(mail.errors).toEqual([expect.stringMatching(/subject/)]);
      const push = await facetOf(adapter, 'touchpoints').validate({ campaignNativeId: campaignId, nativeId: empty.nativeId }, {});
      expect(push.valid).toBe(false);
      expect(push.errors).toEqual([expect.stringMatching(/non-empty message/)]);
    });
  });
});
