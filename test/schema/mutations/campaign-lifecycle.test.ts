import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CampaignStateDocument,
  CampaignsNamedDocument,
  CreateCampaignDocument,
  DeleteCampaignDocument,
  UpdateCampaignDocument,
} from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { backendState, type BackendState } from './backend-state.js';
import { expectGatewayError, writesTo } from './expect-gateway-error.js';

let harness: GatewayHarness;
let state: BackendState;

beforeAll(async () => {
  harness = await startGatewayHarness();
  state = backendState(harness.backends);
});
afterAll(() => harness.close());

/** Reads a campaign back through `campaign(id)` and through `campaigns(filter)` by its unique name. */
async function readBack(id: string, backend: string, name: string) {
  const one = await harness.execute(CampaignStateDocument, { id });
  expect(one.errors).toBeUndefined();
  const listed = await harness.execute(CampaignsNamedDocument, { backends: [backend], nameContains: name });
  expect(listed.errors).toBeUndefined();
  return { campaign: one.data!.campaign, listed: listed.data!.campaigns.nodes };
}

/** After a delete, the campaign reads as null by id and is gone from the list. */
async function expectGone(id: string, backend: string, name: string) {
  const { campaign, listed } = await readBack(id, backend, name);
  expect(campaign).toBeNull();
  expect(listed.map((node) => node.id)).not.toContain(id);
}

describe('campaign create → read → update → delete through GraphQL', () => {
  it('workspace (growth): every CreateCampaignInput field it can hold reaches the backend and reads back', async () => {
    const name = 'Lifecycle Workspace 7f3a';
    const created = await harness.execute(CreateCampaignDocument, {
      input: {
        backend: 'growth',
        name,
        description: 'created through the gateway',
        type: 'BROADCAST',
        scheduledAt: '2026-12-01T09:00:00+01:00',
        endsAt: '2026-12-31T23:00:00.000Z',
        settings: { frequencyCap: 2 },
      },
    });
    expect(created.errors).toBeUndefined();
    const campaign = created.data!.createCampaign;
    expect(campaign).toMatchObject({
      name,
      description: 'created through the gateway',
      status: 'DRAFT',
      rawStatus: 'DRAFT',
      scheduledAt: '2026-12-01T08:00:00.000Z',
      channels: [],
      touchpoints: [],
      backend: { name: 'growth', kind: 'WORKSPACE' },
    });

    const { campaign: read, listed } = await readBack(campaign.id, 'growth', name);
    expect(read).toMatchObject({ id: campaign.id, name, status: 'DRAFT', scheduledAt: '2026-12-01T08:00:00.000Z', touchpoints: [] });
    expect(listed.map((node) => node.id)).toEqual([campaign.id]);

    const stored = await state.workspaceCampaign(campaign.nativeId);
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({
      id: campaign.nativeId,
      name,
      type: 'BROADCAST',
      status: 'DRAFT',
      startAt: '2026-12-01T08:00:00.000Z',
      endAt: '2026-12-31T23:00:00.000Z',
      settings: { frequencyCap: 2 },
      workflow: { nodes: [], edges: [] },
    });

    const updated = await harness.execute(UpdateCampaignDocument, {
      id: campaign.id,
      input: { name: `${name} (live)`, status: 'ACTIVE', description: null, settings: { frequencyCap: 5 } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCampaign).toMatchObject({ id: campaign.id, name: `${name} (live)`, status: 'ACTIVE', description: null });
    expect((await state.workspaceCampaign(campaign.nativeId)).json).toMatchObject({
      name: `${name} (live)`,
      status: 'ACTIVE',
      description: null,
      settings: { frequencyCap: 5 },
      type: 'BROADCAST',
    });

    const deleted = await harness.execute(DeleteCampaignDocument, { id: campaign.id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteCampaign).toBe(campaign.id);
    expect((await state.workspaceCampaign(campaign.nativeId)).status).toBe(404);
    await expectGone(campaign.id, 'growth', name);
  });

  it('v2 (broadcast): a template campaign with two recipients is created, renamed and rescheduled while scheduled, then deleted', async () => {
    const template = harness.backends.v2.templates.find((t) => t.name === 'order_confirmation')!;
    const name = 'Lifecycle V2 91c2';
    const created = await harness.execute(CreateCampaignDocument, {
      input: {
        backend: 'broadcast',
        name,
        templateId: template.id,
        scheduledAt: '2026-12-01T09:00:00.000Z',
        recipients: [
          { contactId: '+966500000001', params: ['Amal', 'A-1001'] },
          { contactId: '+966500000002', params: ['Omar', 'A-1002'] },
        ],
      },
    });
    expect(created.errors).toBeUndefined();
    const campaign = created.data!.createCampaign;
    expect(campaign).toMatchObject({
      name,
      status: 'SCHEDULED',
      rawStatus: 'scheduled',
      channels: ['WHATSAPP'],
      scheduledAt: '2026-12-01T09:00:00.000Z',
      enrollmentCount: 2,
      backend: { name: 'broadcast', kind: 'V2' },
    });
    expect(campaign.nativeId).toMatch(/^\d+$/);
    expect(campaign.touchpoints).toEqual([
      expect.objectContaining({ type: 'MESSAGE', channel: 'WHATSAPP', message: expect.objectContaining({ templateId: template.id, text: template.body }) }),
    ]);

    const { campaign: read, listed } = await readBack(campaign.id, 'broadcast', name);
    expect(read).toMatchObject({ id: campaign.id, name, status: 'SCHEDULED', enrollmentCount: 2, deliveryStats: { total: 2, sent: 0 } });
    expect(listed.map((node) => node.id)).toEqual([campaign.id]);

    const stored = await state.v2Campaign(campaign.nativeId);
    expect(stored).toMatchObject({
      ID: Number(campaign.nativeId),
      Name: name,
      Status: 'scheduled',
      TempMsgID: template.id,
      TemplateName: 'order_confirmation',
      Total: 2,
      Clients: [
        { AccountID: '+966500000001', Params: ['Amal', 'A-1001'] },
        { AccountID: '+966500000002', Params: ['Omar', 'A-1002'] },
      ],
    });
    expect(Date.parse(stored.SendAt)).toBe(Date.parse('2026-12-01T09:00:00.000Z'));

    const updated = await harness.execute(UpdateCampaignDocument, {
      id: campaign.id,
      input: { name: `${name} (moved)`, scheduledAt: '2026-12-02T10:30:00.000Z' },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCampaign).toMatchObject({ name: `${name} (moved)`, scheduledAt: '2026-12-02T10:30:00.000Z', status: 'SCHEDULED' });
    const restored = await state.v2Campaign(campaign.nativeId);
    expect(restored.Name).toBe(`${name} (moved)`);
    expect(Date.parse(restored.SendAt)).toBe(Date.parse('2026-12-02T10:30:00.000Z'));

    // An update that changes nothing is refused without any upstream call: a write must not serve as a read.
    harness.backends.v2.requests.clear();
    const unchanged = await harness.execute(UpdateCampaignDocument, { id: campaign.id, input: {} });
    expectGatewayError(unchanged, { code: 'BAD_USER_INPUT', field: 'input' });
    expect(harness.backends.v2.requests.count()).toBe(0);

    const deleted = await harness.execute(DeleteCampaignDocument, { id: campaign.id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteCampaign).toBe(campaign.id);
    expect(await state.v2Campaign(campaign.nativeId)).toBeUndefined();
    await expectGone(campaign.id, 'broadcast', name);
  });

  it('schemaType (contact-center): channels become useFor* flags with their senders, then rename and delete', async () => {
    const name = 'Lifecycle SchemaType 4be0';
    const created = await harness.execute(CreateCampaignDocument, {
      input: {
        backend: 'contact-center',
        name,
        description: 'calls and mails',
        type: 'PERSONAL',
        workflowId: 'wf_lifecycle',
        channels: ['EMAIL', 'SMS', 'VOICE'],
        senders: { emailFrom: 'care@example.com', smsFrom: '+15550001111', callerId: '+15550002222' },
      },
    });
    expect(created.errors).toBeUndefined();
    const campaign = created.data!.createCampaign;
    expect(campaign).toMatchObject({
      name,
      description: 'calls and mails',
      status: 'ACTIVE',
      rawStatus: null,
      scheduledAt: null,
      touchpoints: null,
      backend: { name: 'contact-center', kind: 'SCHEMA_TYPE' },
    });
    expect([...campaign.channels].sort()).toEqual(['EMAIL', 'SMS', 'VOICE']);

    const { campaign: read, listed } = await readBack(campaign.id, 'contact-center', name);
    expect(read).toMatchObject({ id: campaign.id, name, description: 'calls and mails', touchpoints: null, deliveryStats: null });
    expect(listed.map((node) => node.id)).toEqual([campaign.id]);

    const stored = await state.schemaTypeCampaign(campaign.nativeId);
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({
      campaignId: campaign.nativeId,
      name,
      type: 'PERSONAL',
      workflowId: 'wf_lifecycle',
      useForEmail: true,
      useForSMS: true,
      useForOutbound: true,
      emailFromAddress: 'care@example.com',
      smsFromAddress: '+15550001111',
      callerId: '+15550002222',
      deletedAt: 0,
    });

    const updated = await harness.execute(UpdateCampaignDocument, { id: campaign.id, input: { name: `${name} (renamed)`, description: 'mails only' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCampaign).toMatchObject({ name: `${name} (renamed)`, description: 'mails only' });
    expect((await state.schemaTypeCampaign(campaign.nativeId)).json).toMatchObject({
      name: `${name} (renamed)`,
      description: 'mails only',
      workflowId: 'wf_lifecycle',
    });

    const deleted = await harness.execute(DeleteCampaignDocument, { id: campaign.id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteCampaign).toBe(campaign.id);
    expect((await state.schemaTypeCampaign(campaign.nativeId)).status).toBe(404);
    await expectGone(campaign.id, 'contact-center', name);
  });

  it('touchpoint (messaging): a one-channel draft is created and deleted; update is UNSUPPORTED and sends nothing', async () => {
    const name = 'Lifecycle Touchpoint c5d1';
    const created = await harness.execute(CreateCampaignDocument, { input: { backend: 'messaging', name, channels: ['EMAIL'] } });
    expect(created.errors).toBeUndefined();
    const campaign = created.data!.createCampaign;
    expect(campaign).toMatchObject({ name, status: 'DRAFT', rawStatus: 'draft', channels: ['EMAIL'], touchpoints: [], backend: { kind: 'TOUCHPOINT' } });

    const { campaign: read, listed } = await readBack(campaign.id, 'messaging', name);
    expect(read).toMatchObject({ id: campaign.id, name, status: 'DRAFT', channels: ['EMAIL'], touchpoints: [] });
    expect(listed.map((node) => node.id)).toEqual([campaign.id]);

    const stored = await state.touchpointCampaign(campaign.nativeId);
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({ _id: campaign.nativeId, name, status: 'draft', channel_type: 'email' });

    harness.backends.touchpoint.requests.clear();
    const update = await harness.execute(UpdateCampaignDocument, { id: campaign.id, input: { name: 'never' } });
    expectGatewayError(update, { code: 'UNSUPPORTED', backend: 'messaging' });
    expect(harness.backends.touchpoint.requests.count()).toBe(0);

    const deleted = await harness.execute(DeleteCampaignDocument, { id: campaign.id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteCampaign).toBe(campaign.id);
    expect(writesTo(harness.backends.touchpoint)).toEqual([expect.objectContaining({ method: 'DELETE', path: `/v1/campaigns/${campaign.nativeId}` })]);
    expect((await state.touchpointCampaign(campaign.nativeId)).status).toBe(404);
    await expectGone(campaign.id, 'messaging', name);
  });
});
