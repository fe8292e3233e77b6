import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type CampaignGatewayClient, type CreateCampaignParams, type CreateTouchpointParams } from '../../src/client/index.js';
import { startListeningGateway, type ListeningGateway } from '../server/support/listening-gateway.js';
import { expectClientError } from './support/expect-client-error.js';
import { expectCampaignShape, expectDeliveryStatsShape, expectTouchpointShape } from './support/record-shapes.js';

/** What one backend kind offers through `client.campaign`, and valid input for it. */
interface BackendCase {
  backend: string;
  kind: string;
  /** A campaign it accepts. */
  create: (suffix: string) => CreateCampaignParams;
  /** The `channel_type` that campaign reads back with. */
  channel: string | null;
  /** `write`: every touchpoint method; `read`: list, get and validate; `none`: no touchpoints at all. */
  touchpoints: 'write' | 'read' | 'none';
  /** A touchpoint it accepts (for `write`). */
  touchpoint?: Omit<CreateTouchpointParams, 'campaign_id'>;
  /** Whether it has delivery counters. */
  counters: boolean;
}

let gateway: ListeningGateway;
let client: CampaignGatewayClient;

const CASES: BackendCase[] = [
  {
    backend: 'growth',
    kind: 'workspace',
    create: (suffix) => ({ name: `Client workspace ${suffix}`, type: 'AUTOMATED', description: 'made by the client' }),
    channel: null,
    touchpoints: 'write',
    touchpoint: { name: 'Welcome Message', type: 'message', channel: 'email', message: { subject: 'Welcome', body: 'Hi! Welcome to our service.' } },
    counters: true,
  },
  {
    backend: 'broadcast',
    kind: 'v2',
    create: (suffix) => ({
      name: `Client v2 ${suffix}`,
      templateId: gateway.references.v2.templates.find((t) => t.name === 'order_confirmation')!.id,
      scheduledAt: '2026-12-01T09:00:00.000Z',
      recipients: [
        { contactId: '+966500000001', params: ['Amal', 'A-1001'] },
        { contactId: '+966500000002', params: ['Omar', 'A-1002'] },
      ],
    }),
    channel: 'whatsapp',
    touchpoints: 'read',
    counters: true,
  },
  {
    backend: 'contact-center',
    kind: 'schemaType',
    create: (suffix) => ({
      name: `Client schema ${suffix}`,
      channel_type: 'email',
      workflowId: 'wf_client',
      senders: { emailFrom: 'care@example.com' },
    }),
    channel: 'email',
    touchpoints: 'none',
    counters: false,
  },
  {
    backend: 'messaging',
    kind: 'touchpoint',
    create: (suffix) => ({ name: `Client touchpoint ${suffix}`, channel_type: 'whatsapp' }),
    channel: 'whatsapp',
    touchpoints: 'write',
    touchpoint: { name: 'Welcome Message', type: 'message', message: { text: 'Hi! Welcome to our service.' } },
    counters: false,
  },
];

beforeAll(async () => {
  gateway = await startListeningGateway();
  client = createClient({ url: gateway.endpoint });
});
afterAll(() => gateway?.close());

describe.each(CASES)('client.campaign on a $kind backend ($backend)', (c) => {
  it('list: only its campaigns, in the SDK record shape', async () => {
    const { data, next } = await client.campaign.list({ backend: c.backend, limit: 100 });
    expect(data.length).toBeGreaterThan(0);
    expect(next).toBeNull();
    for (const campaign of data) expectCampaignShape(campaign, c.backend);
  });

  it('create, get and delete; a deleted campaign is NOT_FOUND', async () => {
    const params = c.create(c.kind);
    const made = await client.campaign.create({ ...params, backend: c.backend });
    expectCampaignShape(made, c.backend);
    expect(made).toMatchObject({ name: params.name, channel_type: c.channel });

    expect(await client.campaign.get(made._id)).toEqual(made);
    const listed = await client.campaign.list({ backend: c.backend, name_contains: params.name });
    expect(listed.data.map((campaign) => campaign._id)).toEqual([made._id]);

    await client.campaign.delete(made._id);
    await expectClientError(client.campaign.get(made._id), 'NOT_FOUND');
  });

  it.skipIf(c.touchpoints !== 'write')('touchpoints: create, list, get, update, validate and delete', async () => {
    const campaign = await client.campaign.create({ ...c.create('touchpoints'), backend: c.backend });
    const made = await client.campaign.createTouchpoint({ ...c.touchpoint!, campaign_id: campaign._id });
    expectTouchpointShape(made, c.backend, campaign._id);
    expect(made).toMatchObject({ name: 'Welcome Message', type: 'message' });

    const { data } = await client.campaign.listTouchpoints({ campaign_id: campaign._id });
    expect(data.map((tp) => tp._id)).toContain(made._id);
    for (const tp of data) expectTouchpointShape(tp, c.backend, campaign._id);
    expect(await client.campaign.getTouchpoint(made._id)).toEqual(data.find((tp) => tp._id === made._id));

    const updated = await client.campaign.updateTouchpoint(made._id, { name: 'Updated Welcome Message' });
    expect(updated).toMatchObject({ _id: made._id, name: 'Updated Welcome Message', type: 'message' });

    const validation = await client.campaign.validateTouchpoint({ touchpoint_id: made._id });
    expect(Object.keys(validation).sort()).toEqual(['errors', 'valid']);
    expect(validation.valid).toBe(validation.errors.length === 0);

    await client.campaign.deleteTouchpoint(made._id);
    await expectClientError(client.campaign.getTouchpoint(made._id), 'NOT_FOUND');
    await client.campaign.delete(campaign._id);
  });

  it.skipIf(c.touchpoints !== 'read')('touchpoints: list, get and validate read; writes are UNSUPPORTED', async () => {
    const [campaign] = (await client.campaign.list({ backend: c.backend, limit: 1 })).data;
    const { data } = await client.campaign.listTouchpoints({ campaign_id: campaign!._id });
    expect(data.length).toBeGreaterThan(0);
    for (const tp of data) expectTouchpointShape(tp, c.backend, campaign!._id);
    expect(await client.campaign.getTouchpoint(data[0]!._id)).toEqual(data[0]);
    const validation = await client.campaign.validateTouchpoint({ touchpoint_id: data[0]!._id });
    expect(typeof validation.valid).toBe('boolean');

    const write = { name: 'Welcome Message', type: 'message', campaign_id: campaign!._id, message: { text: 'Hi!' } } as const;
    await expectClientError(client.campaign.createTouchpoint(write), 'UNSUPPORTED', c.backend);
    await expectClientError(client.campaign.updateTouchpoint(data[0]!._id, { name: 'Renamed' }), 'UNSUPPORTED', c.backend);
    await expectClientError(client.campaign.deleteTouchpoint(data[0]!._id), 'UNSUPPORTED', c.backend);
  });

  it.skipIf(c.touchpoints !== 'none')('touchpoints: every touchpoint method is UNSUPPORTED', async () => {
    const [campaign] = (await client.campaign.list({ backend: c.backend, limit: 1 })).data;
    await expectClientError(client.campaign.listTouchpoints({ campaign_id: campaign!._id }), 'UNSUPPORTED', c.backend);
    const write = { name: 'Welcome Message', type: 'message', campaign_id: campaign!._id, message: { text: 'Hi!' } } as const;
    await expectClientError(client.campaign.createTouchpoint(write), 'UNSUPPORTED', c.backend);
  });

  it.skipIf(!c.counters)('watchDeliveryStats: the current counters first', async () => {
    const [campaign] = (await client.campaign.list({ backend: c.backend, limit: 1 })).data;
    for await (const stats of client.campaign.watchDeliveryStats(campaign!._id)) {
      expectDeliveryStatsShape(stats);
      break;
    }
  });

  it.skipIf(c.counters)('watchDeliveryStats: UNSUPPORTED', async () => {
    const [campaign] = (await client.campaign.list({ backend: c.backend, limit: 1 })).data;
    await expectClientError(client.campaign.watchDeliveryStats(campaign!._id).next(), 'UNSUPPORTED', c.backend);
  });
});

it('create goes to defaultBackend when no backend is given, and needs one of them', async () => {
  const withDefault = createClient({ url: gateway.endpoint, defaultBackend: 'messaging' });
  const made = await withDefault.campaign.create({ name: 'Q3 Re-engagement', channel_type: 'whatsapp' });
  expect(made).toMatchObject({ name: 'Q3 Re-engagement', channel_type: 'whatsapp', status: 'draft', backend: 'messaging' });
  await withDefault.campaign.delete(made._id);

  const before = gateway.references.touchpoint.requests.list().length;
  const failure = await expectClientError(client.campaign.create({ name: 'Nowhere' }), 'BAD_USER_INPUT');
  expect(failure.field).toBe('backend');
  expect(gateway.references.touchpoint.requests.list().length).toBe(before);
});
