import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../src/model/global-id.js';
import {
  CreateCampaignDocument,
  CreateTouchpointDocument,
  EnrollContactsDocument,
  UpdateCampaignDocument,
  UpdateTouchpointDocument,
  type CreateCampaignInput,
  type CreateTouchpointInput,
  type UpdateCampaignInput,
  type UpdateTouchpointInput,
} from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { backendState, type BackendState } from './backend-state.js';
import { expectGatewayError, type ExpectedError } from './expect-gateway-error.js';

/**
 * Every rule of the four wire contracts, as a GraphQL client meets it: the code,
 * the input field and the message (the backend's own words where the backend
 * decides). `writes` says where the rule is enforced: 0 when the gateway refuses
 * before sending anything (it knows the rule, or the backend could not hold the
 * field), 1 when the backend's answer is passed on.
 */

let harness: GatewayHarness;
let state: BackendState;

beforeAll(async () => {
  harness = await startGatewayHarness();
  state = backendState(harness.backends);
});
afterAll(() => harness.close());

const campaignId = (backend: string, nativeId: string) => encodeGlobalId('Campaign', [backend, nativeId]);
const touchpointId = (backend: string, campaign: string, nativeId: string) => encodeGlobalId('Touchpoint', [backend, campaign, nativeId]);

const createCampaign = (input: CreateCampaignInput) => harness.execute(CreateCampaignDocument, { input });
const updateCampaign = (id: string, input: UpdateCampaignInput) => harness.execute(UpdateCampaignDocument, { id, input });
const createTouchpoint = (input: CreateTouchpointInput) => harness.execute(CreateTouchpointDocument, { input });
const updateTouchpoint = (id: string, input: UpdateTouchpointInput) => harness.execute(UpdateTouchpointDocument, { id, input });

/** One rule: how to break it through GraphQL and what the client must see. */
interface RuleCase {
  rule: string;
  run: () => Promise<ExecutionResult>;
  expected: ExpectedError;
  /** Requests other than GET that reached the backend. */
  writes: 0 | 1;
}

function ruleTable(backend: 'workspace' | 'v2' | 'schemaType' | 'touchpoint', cases: RuleCase[]) {
  it.each(cases)('$rule', async ({ run, expected, writes }) => {
    const reference = harness.backends[backend];
    reference.requests.clear();
    expectGatewayError(await run(), expected);
    expect(reference.requests.list().filter((request) => request.method !== 'GET')).toHaveLength(writes);
  });
}

const WELCOME = campaignId('growth', 'cmp_welcome_series');

describe('workspace (growth) rules', () => {
  const growth = (field: string, message: string): ExpectedError => ({ code: 'BAD_USER_INPUT', field, backend: 'growth', message });
  ruleTable('workspace', [
    { rule: 'campaign name must not be blank', run: () => createCampaign({ backend: 'growth', name: '  ' }), expected: growth('input.name', 'Must not be blank'), writes: 0 },
    {
      rule: 'campaign type is AUTOMATED, BROADCAST or TRANSACTIONAL',
      run: () => createCampaign({ backend: 'growth', name: 'x', type: 'WEEKLY' }),
      expected: growth('input.type', 'Expected one of AUTOMATED, BROADCAST, TRANSACTIONAL'),
      writes: 0,
    },
    { rule: 'settings is an object', run: () => createCampaign({ backend: 'growth', name: 'x', settings: [1] }), expected: growth('input.settings', 'Expected a JSON object'), writes: 0 },
    {
      rule: 'a campaign has no channels of its own (they come from SEND_MESSAGE nodes)',
      run: () => createCampaign({ backend: 'growth', name: 'x', channels: ['EMAIL'] }),
      expected: growth('input.channels', 'SEND_MESSAGE'),
      writes: 0,
    },
    {
      rule: 'status is one of the workspace statuses',
      run: () => updateCampaign(WELCOME, { status: 'SCHEDULED' }),
      expected: growth('input.status', 'DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED'),
      writes: 0,
    },
    {
      rule: 'a SEND_MESSAGE node needs a channel',
      run: () => createTouchpoint({ campaignId: WELCOME, name: 'x', type: 'MESSAGE', message: 'hi' }),
      expected: growth('input.channel', 'needs a channel'),
      writes: 0,
    },
    {
      rule: 'config.channel is EMAIL, PUSH, TELEGRAM or ON_SITE',
      run: () => createTouchpoint({ campaignId: WELCOME, name: 'x', type: 'MESSAGE', channel: 'SMS', message: 'hi' }),
      expected: growth('input.channel', 'EMAIL, PUSH, TELEGRAM, ON_SITE'),
      writes: 0,
    },
    {
      rule: 'a node type belongs to its kind',
      run: () => createTouchpoint({ campaignId: WELCOME, name: 'x', type: 'DELAY', rawType: 'WAIT' }),
      expected: growth('input.rawType', 'SHORT_DELAY, LONG_DELAY'),
      writes: 0,
    },
    {
      rule: 'a non-message node needs its type',
      run: () => createTouchpoint({ campaignId: WELCOME, name: 'x', type: 'ACTION' }),
      expected: growth('input.rawType', 'none was given'),
      writes: 0,
    },
    {
      rule: 'only a message node has a message',
      run: () => updateTouchpoint(touchpointId('growth', 'cmp_welcome_series', 'n3'), { message: 'hi' }),
      expected: growth('input.message', 'only a MESSAGE touchpoint has a message'),
      writes: 0,
    },
    {
      rule: 'a SEND_MESSAGE node keeps a valid channel on update',
      run: () => updateTouchpoint(touchpointId('growth', 'cmp_welcome_series', 'n2'), { config: { channel: 'SMS' } }),
      expected: growth('input.config', 'needs config.channel'),
      writes: 0,
    },
    {
      rule: 'enrolling into a campaign that is not ACTIVE is CONFLICT "Campaign is not active"',
      run: () => harness.execute(EnrollContactsDocument, { campaignId: campaignId('growth', 'cmp_telegram_launch'), contactIds: ['ct_1'] }),
      expected: { code: 'CONFLICT', backend: 'growth', field: null, message: 'Campaign is not active' },
      writes: 1,
    },
  ]);
});

describe('v2 (broadcast) rules', () => {
  const template = () => harness.backends.v2.templates.find((t) => t.name === 'order_confirmation')!.id;
  const two = [
    { contactId: '+966500000021', params: ['Amal', 'A-1'] },
    { contactId: '+966500000022', params: ['Omar', 'A-2'] },
  ];
  const rejected = (field: string, message: string, writes: 0 | 1 = 1) => ({
    expected: { code: 'BAD_USER_INPUT' as const, field, backend: 'broadcast', message },
    writes,
  });
  ruleTable('v2', [
    {
      rule: 'name is required (backend)',
      run: () => createCampaign({ backend: 'broadcast', name: ' ', templateId: template(), recipients: two }),
      ...rejected('input.name', 'invalid request: name is required'),
    },
    {
      rule: 'at least 2 clients (one given)',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', templateId: template(), recipients: [two[0]!] }),
      ...rejected('input.recipients', 'invalid request: at least 2 clients required'),
    },
    {
      rule: 'at least 2 clients (none given)',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', templateId: template() }),
      ...rejected('input.recipients', 'invalid request: at least 2 clients required'),
    },
    {
      rule: 'the template exists',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', templateId: '00000000-0000-4000-8000-000000000000', recipients: two }),
      ...rejected('input.templateId', 'invalid request: template not found'),
    },
    {
      rule: 'JSON or TempMsgID is required',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', recipients: two }),
      ...rejected('input.templateId', 'invalid request: JSON or TempMsgID required'),
    },
    {
      rule: 'the first client has params for every variable of the JSON',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', payload: '{"a":"{{1}}","b":"{{2}}","c":"{{3}}"}', recipients: two }),
      ...rejected('input.recipients', 'invalid request: not enough params for variables in JSON'),
    },
    {
      rule: 'every client has params for every template variable',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', templateId: template(), recipients: [two[0]!, { contactId: '+966500000023', params: ['Lina'] }] }),
      ...rejected('input.recipients', 'invalid request: each client must have params for all template variables'),
    },
    {
      rule: 'SendAt is a date-time (refused by the DateTime scalar before v2 sees it)',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', templateId: template(), recipients: two, scheduledAt: 'tomorrow' }),
      expected: { code: 'BAD_USER_INPUT', message: 'input.scheduledAt' },
      writes: 0,
    },
    {
      rule: 'a campaign has no description',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', description: 'd', templateId: template(), recipients: two }),
      ...rejected('input.description', 'v2 campaigns have no description', 0),
    },
    {
      rule: 'a campaign sends on WhatsApp only',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', channels: ['EMAIL'], templateId: template(), recipients: two }),
      ...rejected('input.channels', 'WHATSAPP only', 0),
    },
    {
      rule: 'the message is a string',
      run: () => createCampaign({ backend: 'broadcast', name: 'x', message: { text: 'hi' }, templateId: template(), recipients: two }),
      ...rejected('input.message', 'message must be a string', 0),
    },
    {
      rule: 'only scheduled campaigns can be updated: CONFLICT',
      run: () => updateCampaign(campaignId('broadcast', '388'), { name: 'renamed' }),
      expected: { code: 'CONFLICT', backend: 'broadcast', field: null, message: 'only scheduled campaigns can be updated' },
      writes: 1,
    },
    {
      rule: 'a status cannot be set',
      run: () => updateCampaign(campaignId('broadcast', '389'), { status: 'ACTIVE' }),
      ...rejected('input.status', 'v2 campaigns have no status to set', 0),
    },
    {
      rule: 'a new name must not be blank',
      run: () => updateCampaign(campaignId('broadcast', '389'), { name: ' ' }),
      ...rejected('input.name', 'name must not be blank', 0),
    },
  ]);

  it('a refused update leaves the campaign as it was', async () => {
    const before = await state.v2Campaign(388);
    await updateCampaign(campaignId('broadcast', '388'), { name: 'renamed' });
    expect(await state.v2Campaign(388)).toEqual(before);
  });
});

describe('schemaType (contact-center) rules', () => {
  const contactCenter = (field: string, message: string): ExpectedError => ({ code: 'BAD_USER_INPUT', field, backend: 'contact-center', message });
  const base = { backend: 'contact-center', name: 'Rule case', workflowId: 'wf_rules' };
  ruleTable('schemaType', [
    { rule: 'name is required', run: () => createCampaign({ ...base, name: ' ' }), expected: contactCenter('input.name', 'name is required'), writes: 0 },
    { rule: 'workflowId is required', run: () => createCampaign({ backend: 'contact-center', name: 'x' }), expected: contactCenter('input.workflowId', 'workflowId is required'), writes: 0 },
    { rule: 'type is DEFAULT or PERSONAL', run: () => createCampaign({ ...base, type: 'VIP' }), expected: contactCenter('input.type', 'type must be DEFAULT or PERSONAL'), writes: 0 },
    {
      rule: 'useForSMS needs smsFromAddress',
      run: () => createCampaign({ ...base, channels: ['SMS'] }),
      expected: contactCenter('input.senders.smsFrom', 'senders.smsFrom is required'),
      writes: 0,
    },
    {
      rule: 'useForEmail needs emailFromAddress',
      run: () => createCampaign({ ...base, channels: ['EMAIL'], senders: { smsFrom: '+15550001111' } }),
      expected: contactCenter('input.senders.emailFrom', 'senders.emailFrom is required'),
      writes: 0,
    },
    {
      rule: 'useForOutbound needs callerId',
      run: () => createCampaign({ ...base, channels: ['VOICE'], senders: { callerId: '  ' } }),
      expected: contactCenter('input.senders.callerId', 'senders.callerId is required'),
      writes: 0,
    },
    {
      rule: 'channels are EMAIL, SMS, VOICE or FAX',
      run: () => createCampaign({ ...base, channels: ['WHATSAPP'] }),
      expected: contactCenter('input.channels', 'EMAIL, SMS, VOICE, FAX only'),
      writes: 0,
    },
    {
      rule: 'a campaign has no schedule',
      run: () => createCampaign({ ...base, scheduledAt: '2026-12-01T00:00:00.000Z' }),
      expected: contactCenter('input.scheduledAt', 'no schedule'),
      writes: 0,
    },
    {
      rule: 'a campaign has no status',
      run: () => updateCampaign(campaignId('contact-center', 'cmp_csat_survey'), { status: 'PAUSED' }),
      expected: contactCenter('input.status', 'no status'),
      writes: 0,
    },
    {
      rule: 'the name is unique within a tenant, case-insensitively (create): CONFLICT',
      run: () => createCampaign({ ...base, name: 'q1 renewal REMINDERS' }),
      expected: { code: 'CONFLICT', backend: 'contact-center', field: null, message: 'name must be unique within a tenant' },
      writes: 1,
    },
    {
      rule: 'the name is unique within a tenant (update): CONFLICT',
      run: () => updateCampaign(campaignId('contact-center', 'cmp_csat_survey'), { name: 'Q1 Renewal Reminders' }),
      expected: { code: 'CONFLICT', backend: 'contact-center', field: null, message: 'name must be unique within a tenant' },
      writes: 1,
    },
  ]);

  it('a refused rename leaves the campaign as it was', async () => {
    const before = (await state.schemaTypeCampaign('cmp_csat_survey')).json;
    await updateCampaign(campaignId('contact-center', 'cmp_csat_survey'), { name: 'Q1 Renewal Reminders' });
    expect((await state.schemaTypeCampaign('cmp_csat_survey')).json).toEqual(before);
  });
});

describe('touchpoint (messaging) rules', () => {
  const messaging = (field: string, message: string): ExpectedError => ({ code: 'BAD_USER_INPUT', field, backend: 'messaging', message });
  const EASTER = campaignId('messaging', 'cmp_5eed00000000000000000004');
  const tp = (input: Omit<CreateTouchpointInput, 'campaignId'>) => createTouchpoint({ campaignId: EASTER, ...input });
  ruleTable('touchpoint', [
    { rule: 'campaign name must not be blank', run: () => createCampaign({ backend: 'messaging', name: ' ', channels: ['SMS'] }), expected: messaging('input.name', 'name must not be blank'), writes: 0 },
    { rule: 'channel_type is required', run: () => createCampaign({ backend: 'messaging', name: 'x' }), expected: messaging('input.channels', 'channels is required'), writes: 0 },
    {
      rule: 'channel_type is whatsapp, email or sms',
      run: () => createCampaign({ backend: 'messaging', name: 'x', channels: ['PUSH'] }),
      expected: messaging('input.channels', 'exactly one channel, one of WHATSAPP, EMAIL, SMS'),
      writes: 0,
    },
    {
      rule: 'a campaign has exactly one channel',
      run: () => createCampaign({ backend: 'messaging', name: 'x', channels: ['SMS', 'EMAIL'] }),
      expected: messaging('input.channels', 'exactly one channel'),
      writes: 0,
    },
    {
      rule: 'a campaign has no description',
      run: () => createCampaign({ backend: 'messaging', name: 'x', channels: ['SMS'], description: 'd' }),
      expected: messaging('input.description', 'cannot store description'),
      writes: 0,
    },
    { rule: 'there are no TRIGGER touchpoints', run: () => tp({ name: 'x', type: 'TRIGGER', message: 'x' }), expected: messaging('input.type', 'no TRIGGER or CONDITION'), writes: 0 },
    { rule: 'there are no CONDITION touchpoints', run: () => tp({ name: 'x', type: 'CONDITION', message: 'x' }), expected: messaging('input.type', 'no TRIGGER or CONDITION'), writes: 0 },
    { rule: 'a touchpoint needs a message', run: () => tp({ name: 'x', type: 'MESSAGE' }), expected: messaging('input.message', 'message is required'), writes: 0 },
    { rule: 'a touchpoint has no config', run: () => tp({ name: 'x', type: 'MESSAGE', message: 'x', config: { a: 1 } }), expected: messaging('input.config', 'no touchpoint config'), writes: 0 },
    {
      rule: "a touchpoint's channel is its campaign's",
      run: () => tp({ name: 'x', type: 'MESSAGE', message: 'x', channel: 'EMAIL' }),
      expected: messaging('input.channel', 'runs on SMS'),
      writes: 0,
    },
    { rule: 'rawType matches the type', run: () => tp({ name: 'x', type: 'MESSAGE', message: 'x', rawType: 'delay' }), expected: messaging('input.rawType', 'not "delay"'), writes: 0 },
    {
      rule: 'a position is within the campaign (backend)',
      run: async () => {
        const created = await tp({ name: 'Position probe', type: 'MESSAGE', message: 'probe' });
        harness.backends.touchpoint.requests.clear();
        return updateTouchpoint(created.data!.createTouchpoint.id, { position: 99 });
      },
      expected: messaging('input.position', 'position must be between 0 and'),
      writes: 1,
    },
    {
      rule: 'a touchpoint name must not be blank',
      run: () => updateTouchpoint(touchpointId('messaging', 'cmp_5eed00000000000000000004', 'tp_whatever'), { name: ' ' }),
      expected: messaging('input.name', 'name must not be blank'),
      writes: 0,
    },
  ]);
});
