import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CampaignStateDocument,
  CampaignsNamedDocument,
  CreateCampaignDocument,
  CreateTouchpointDocument,
  ValidateTouchpointDocument,
  type CreateTouchpointInput,
} from '../../generated/graphql.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { backendState, type BackendState } from './backend-state.js';
import { writesTo } from './expect-gateway-error.js';

let harness: GatewayHarness;
let state: BackendState;

beforeAll(async () => {
  harness = await startGatewayHarness();
  state = backendState(harness.backends);
});
afterAll(() => harness.close());

const EMPTY = 'A message touchpoint needs a non-empty message';
const NO_SUBJECT = 'An email message needs a subject, and this message has none.';
const tooLong = (length: number) => `The message is ${length} characters long, but WhatsApp allows at most 4096.`;

async function validate(id: string) {
  const result = await harness.execute(ValidateTouchpointDocument, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.validateTouchpoint;
}

async function createTouchpoint(input: CreateTouchpointInput) {
  const result = await harness.execute(CreateTouchpointDocument, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.createTouchpoint;
}

describe('validateTouchpoint on the touchpoint API: its own validate endpoint decides', () => {
  it('a WhatsApp text within 4096 characters is valid; a longer one is not, in the backend\'s words', async () => {
    const campaign = await harness.execute(CreateCampaignDocument, { input: { backend: 'messaging', name: 'Validation WhatsApp', channels: ['WHATSAPP'] } });
    const campaignId = campaign.data!.createCampaign.id;
    const good = await createTouchpoint({ campaignId, name: 'Short hello', type: 'MESSAGE', message: { text: 'Hello there' } });
    const bad = await createTouchpoint({ campaignId, name: 'Essay', type: 'MESSAGE', message: { text: 'x'.repeat(5000) } });

    harness.backends.touchpoint.requests.clear();
    expect(await validate(good.id)).toEqual({ valid: true, errors: [] });
    const verdict = await validate(bad.id);
    expect(verdict).toEqual({ valid: false, errors: [tooLong(5000)] });
    expect(harness.backends.touchpoint.requests.count({ method: 'POST', path: '/v1/touchpoints/validate' })).toBe(2);
    // The gateway passes the backend's verdict on unchanged.
    expect((await state.touchpointValidation(bad.nativeId)).json).toEqual(verdict);
  });

  it('an email touchpoint without a subject is invalid; with one it is valid', async () => {
    const campaign = await harness.execute(CreateCampaignDocument, { input: { backend: 'messaging', name: 'Validation Email', channels: ['EMAIL'] } });
    const campaignId = campaign.data!.createCampaign.id;
    const good = await createTouchpoint({ campaignId, name: 'With subject', type: 'MESSAGE', message: { subject: 'Hi', text: 'Body' } });
    const bad = await createTouchpoint({ campaignId, name: 'Plain string', type: 'MESSAGE', message: ' ' });

    expect(await validate(good.id)).toEqual({ valid: true, errors: [] });
    const verdict = await validate(bad.id);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toEqual([expect.stringContaining(EMPTY), NO_SUBJECT]);
    expect((await state.touchpointValidation(bad.nativeId)).json).toEqual(verdict);
  });
});

describe('validateTouchpoint on the workspace: the gateway applies the touchpoint rules to the node', () => {
  it('an email node with a subject and body is valid; one with neither breaks two rules; a delay node is always valid', async () => {
    const found = await harness.execute(CampaignsNamedDocument, { backends: ['growth'], nameContains: 'Order Confirmation' });
    const campaignId = found.data!.campaigns.nodes[0]!.id;
    const good = await createTouchpoint({ campaignId, name: 'Receipt mail', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Your receipt', body: 'Thanks!' } });
    const bad = await createTouchpoint({ campaignId, name: 'Empty mail', type: 'MESSAGE', channel: 'EMAIL', message: { body: '   ' } });
    const delay = await createTouchpoint({ campaignId, name: 'Pause', type: 'DELAY', rawType: 'SHORT_DELAY', config: { minutes: 5 } });

    harness.backends.workspace.requests.clear();
    expect(await validate(good.id)).toEqual({ valid: true, errors: [] });
    const verdict = await validate(bad.id);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toEqual([expect.stringContaining(EMPTY), NO_SUBJECT]);
    expect(await validate(delay.id)).toEqual({ valid: true, errors: [] });
    // Validation reads; it never writes the workflow.
    expect(writesTo(harness.backends.workspace)).toEqual([]);
  });
});

describe('validateTouchpoint on v2: the gateway applies the touchpoint rules to the campaign message', () => {
  const recipients = [
    { contactId: '+966500000011', params: [] },
    { contactId: '+966500000012', params: [] },
  ];

  it('a seeded template message is valid', async () => {
    const found = await harness.execute(CampaignsNamedDocument, { backends: ['broadcast'], nameContains: 'Winter Collection' });
    const campaign = await harness.execute(CampaignStateDocument, { id: found.data!.campaigns.nodes[0]!.id });
    const [touchpoint] = campaign.data!.campaign!.touchpoints!;
    expect(await validate(touchpoint!.id)).toEqual({ valid: true, errors: [] });
  });

  it('a message text over 4096 characters is too long for WhatsApp', async () => {
    const created = await harness.execute(CreateCampaignDocument, {
      input: { backend: 'broadcast', name: 'Validation V2 long', payload: '{"type":"text"}', message: 'y'.repeat(4097), recipients },
    });
    expect(created.errors).toBeUndefined();
    const [touchpoint] = created.data!.createCampaign.touchpoints!;
    expect(await validate(touchpoint!.id)).toEqual({ valid: false, errors: [tooLong(4097)] });
  });

  it('a campaign sent with a payload and no text has an empty message', async () => {
    const created = await harness.execute(CreateCampaignDocument, {
      input: { backend: 'broadcast', name: 'Validation V2 empty', payload: '{"type":"text"}', recipients },
    });
    expect(created.errors).toBeUndefined();
    const [touchpoint] = created.data!.createCampaign.touchpoints!;
    const verdict = await validate(touchpoint!.id);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toEqual([expect.stringContaining(EMPTY)]);
  });
});
