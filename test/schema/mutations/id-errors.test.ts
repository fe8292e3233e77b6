import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../src/model/global-id.js';
import {
  CreateCampaignDocument,
  CreateTouchpointDocument,
  DeleteCampaignDocument,
  DeleteTouchpointDocument,
  EnrollContactsDocument,
  ExecuteCampaignDocument,
  ResendMessageDocument,
  UpdateCampaignDocument,
  UpdateTouchpointDocument,
  ValidateTouchpointDocument,
} from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { expectGatewayError } from './expect-gateway-error.js';

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

type IdKind = 'Campaign' | 'Touchpoint' | 'Message';

/** Each mutation that takes an id: which argument (as `extensions.field` names it), which kind of id, and how to call it. */
const MUTATIONS: { mutation: string; field: string; kind: IdKind; run: (id: string) => Promise<ExecutionResult<unknown>> }[] = [
  { mutation: 'updateCampaign', field: 'id', kind: 'Campaign', run: (id) => harness.execute(UpdateCampaignDocument, { id, input: { name: 'Renamed' } }) },
  { mutation: 'deleteCampaign', field: 'id', kind: 'Campaign', run: (id) => harness.execute(DeleteCampaignDocument, { id }) },
  {
    mutation: 'createTouchpoint',
    field: 'input.campaignId',
    kind: 'Campaign',
    run: (id) =>
      harness.execute(CreateTouchpointDocument, { input: { campaignId: id, name: 'x', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Hi', text: 'Hello' } } }),
  },
  { mutation: 'updateTouchpoint', field: 'id', kind: 'Touchpoint', run: (id) => harness.execute(UpdateTouchpointDocument, { id, input: { name: 'Renamed' } }) },
  { mutation: 'deleteTouchpoint', field: 'id', kind: 'Touchpoint', run: (id) => harness.execute(DeleteTouchpointDocument, { id }) },
  { mutation: 'validateTouchpoint', field: 'id', kind: 'Touchpoint', run: (id) => harness.execute(ValidateTouchpointDocument, { id }) },
  { mutation: 'enrollContacts', field: 'campaignId', kind: 'Campaign', run: (id) => harness.execute(EnrollContactsDocument, { campaignId: id, contactIds: ['ct_1'] }) },
  { mutation: 'executeCampaign', field: 'campaignId', kind: 'Campaign', run: (id) => harness.execute(ExecuteCampaignDocument, { campaignId: id, input: { contactId: 'ct_1' } }) },
  { mutation: 'resendMessage', field: 'id', kind: 'Message', run: (id) => harness.execute(ResendMessageDocument, { id }) },
];

const byName = (name: string) => MUTATIONS.find((m) => m.mutation === name)!;

describe('createCampaign on a backend that is not configured', () => {
  it('is BAD_USER_INPUT on input.backend, naming the configured ones', async () => {
    const result = await harness.execute(CreateCampaignDocument, { input: { backend: 'no-such-backend', name: 'x' } });
    expectGatewayError(result, { code: 'BAD_USER_INPUT', field: 'input.backend', message: 'unknown backend "no-such-backend"' });
    expect(result.errors![0]!.message).toContain('growth, broadcast, contact-center, messaging');
  });
});

describe('malformed ids', () => {
  const malformed = ['not-an-id', '', '!!!', Buffer.from('["Campaign"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')];

  it.each(MUTATIONS)('$mutation: an id the gateway never issued is BAD_USER_INPUT on its argument, and nothing is sent', async ({ field, run }) => {
    for (const id of malformed) {
      harness.clearUpstreamRequests();
      expectGatewayError(await run(id), { code: 'BAD_USER_INPUT', field, backend: null });
      expect(harness.upstreamRequests()).toEqual([]);
    }
  });

  it.each(MUTATIONS)('$mutation: a real id of another node type is BAD_USER_INPUT on its argument', async ({ field, kind, run }) => {
    const other = kind === 'Campaign' ? encodeGlobalId('Touchpoint', ['growth', 'cmp_welcome_series', 'n1']) : encodeGlobalId('Campaign', ['growth', 'cmp_welcome_series']);
    harness.clearUpstreamRequests();
    expectGatewayError(await run(other), { code: 'BAD_USER_INPUT', field, message: `is not a ${kind} id` });
    expect(harness.upstreamRequests()).toEqual([]);
  });
});

describe('well-formed ids of records that do not exist', () => {
  it.each(MUTATIONS)('$mutation: an id naming a backend that is not configured is BAD_USER_INPUT on its argument (the gateway never issued it)', async ({ kind, field, run }) => {
    const parts = kind === 'Campaign' ? ['retired-backend', 'cmp_1'] : ['retired-backend', 'cmp_1', 'x_1'];
    harness.clearUpstreamRequests();
    expectGatewayError(await run(encodeGlobalId(kind, parts)), { code: 'BAD_USER_INPUT', field, message: 'backend "retired-backend"' });
    expect(harness.upstreamRequests()).toEqual([]);
  });

  const unknown: [string, string, string[]][] = [
    ['updateCampaign', 'growth', ['cmp_missing']],
    ['updateCampaign', 'broadcast', ['999999']],
    ['updateCampaign', 'broadcast', ['not-a-number']],
    ['updateCampaign', 'contact-center', ['cmp_missing']],
    ['deleteCampaign', 'growth', ['cmp_missing']],
    ['deleteCampaign', 'broadcast', ['999999']],
    ['deleteCampaign', 'contact-center', ['cmp_missing']],
    ['deleteCampaign', 'messaging', ['cmp_missing']],
    ['createTouchpoint', 'growth', ['cmp_missing']],
    ['createTouchpoint', 'messaging', ['cmp_missing']],
    ['updateTouchpoint', 'growth', ['cmp_welcome_series', 'n_missing']],
    ['updateTouchpoint', 'growth', ['cmp_missing', 'n1']],
    ['updateTouchpoint', 'messaging', ['cmp_5eed00000000000000000004', 'tp_missing']],
    ['deleteTouchpoint', 'growth', ['cmp_welcome_series', 'n_missing']],
    ['deleteTouchpoint', 'messaging', ['cmp_5eed00000000000000000004', 'tp_missing']],
    ['validateTouchpoint', 'growth', ['cmp_welcome_series', 'n_missing']],
    ['validateTouchpoint', 'broadcast', ['999999', 'message']],
    ['validateTouchpoint', 'broadcast', ['385', 'not-the-message']],
    ['validateTouchpoint', 'messaging', ['cmp_5eed00000000000000000004', 'tp_missing']],
    ['enrollContacts', 'growth', ['cmp_missing']],
    ['executeCampaign', 'growth', ['cmp_missing']],
    ['resendMessage', 'broadcast', ['385', 'NO_SUCH_KEY']],
  ];

  it.each(unknown)('%s on %s %j is NOT_FOUND naming the backend', async (mutation, backend, key) => {
    const { kind, run } = byName(mutation);
    expectGatewayError(await run(encodeGlobalId(kind, [backend, ...key])), { code: 'NOT_FOUND', backend, field: null });
  });

  it('a v2 id with a leading zero ("0389") reads as null, so updating or deleting it is NOT_FOUND and campaign 389 is untouched', async () => {
    const alias = encodeGlobalId('Campaign', ['broadcast', '0389']);
    expect((await harness.execute(`query ($id: ID!) { campaign(id: $id) { id } }`, { id: alias })).data).toEqual({ campaign: null });
    harness.clearUpstreamRequests();
    expectGatewayError(await byName('updateCampaign').run(alias), { code: 'NOT_FOUND', backend: 'broadcast' });
    expectGatewayError(await byName('deleteCampaign').run(alias), { code: 'NOT_FOUND', backend: 'broadcast' });
    expect(harness.upstreamRequests().filter((r) => r.method !== 'GET')).toEqual([]);
    const real = await harness.execute(`query ($id: ID!) { campaign(id: $id) { name } }`, { id: encodeGlobalId('Campaign', ['broadcast', '389']) });
    expect(real.data).toEqual({ campaign: { name: 'Clinic Reminders – December' } });
  });

  it('a real v2 message key under another campaign reads as null, so resending it is NOT_FOUND and nothing is sent', async () => {
    const page = await harness.execute<{ campaign: { messages: { nodes: { id: string; status: string }[] } } }>(
      `query ($id: ID!) { campaign(id: $id) { messages(first: 100) { nodes { id status } } } }`,
      { id: encodeGlobalId('Campaign', ['broadcast', '382']) },
    );
    const failed = page.data!.campaign.messages.nodes.find((m) => m.status === 'FAILED')!;
    const [, , , key] = JSON.parse(Buffer.from(failed.id, 'base64url').toString('utf8')) as string[];
    const forged = encodeGlobalId('Message', ['broadcast', '385', key!]);
    expect((await harness.execute(`query ($id: ID!) { node(id: $id) { id } }`, { id: forged })).data).toEqual({ node: null });
    harness.clearUpstreamRequests();
    expectGatewayError(await byName('resendMessage').run(forged), { code: 'NOT_FOUND', backend: 'broadcast' });
    expect(harness.upstreamRequests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a touchpoint of one campaign addressed under another is NOT_FOUND, and the real one is untouched', async () => {
    // tp of "Easter Flash Sale" addressed as if it belonged to "New Year Winback".
    const page = await harness.execute(`query { campaign(id: "${encodeGlobalId('Campaign', ['messaging', 'cmp_5eed00000000000000000004'])}") { touchpoints { nativeId name } } }`);
    const real = (page.data as { campaign: { touchpoints: { nativeId: string; name: string }[] } }).campaign.touchpoints[0]!;
    const forged = encodeGlobalId('Touchpoint', ['messaging', 'cmp_5eed00000000000000000001', real.nativeId]);
    harness.clearUpstreamRequests();
    expectGatewayError(await byName('deleteTouchpoint').run(forged), { code: 'NOT_FOUND', backend: 'messaging' });
    expectGatewayError(await byName('updateTouchpoint').run(forged), { code: 'NOT_FOUND', backend: 'messaging' });
    expect(harness.upstreamRequests().filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
