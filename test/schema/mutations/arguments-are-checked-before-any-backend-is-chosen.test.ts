import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { campaignGlobalId, touchpointGlobalId } from '../../../src/model/global-id.js';
import { inputErrorOf } from '../../../src/schema/input-error.js';
import { EnrollContactsDocument, ExecuteCampaignDocument, UpdateCampaignDocument, UpdateTouchpointDocument } from '../../generated/graphql.js';
import { KINDS, NAME_OF_KIND } from '../../support/backend-kinds.js';
import { startGatewayHarness, type GatewayHarness } from '../../support/gateway-harness.js';
import { AUTH_CONFIG, KEYS } from '../../server/support/scoped-operations.js';
import { expectGatewayError } from './expect-gateway-error.js';

/**
 * A mutation's arguments are checked by their zod schemas (`@pothos/plugin-zod`)
 * before the resolver picks a backend: a rule of the arguments themselves is
 * the same refusal whatever the id names (a backend without the capability, or
 * none this gateway has), with the code and field every input error carries,
 * and nothing is sent upstream.
 */
let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

const campaignOf = (backend: string) => campaignGlobalId({ backend, nativeId: 'cmp_any' });
const touchpointOf = (backend: string) => touchpointGlobalId({ backend, campaignNativeId: 'cmp_any', nativeId: 'tp_any' });

/** Every configured backend, and one the gateway does not have. */
const BACKENDS = [...KINDS.map((kind) => NAME_OF_KIND[kind]), 'no-such-backend'];

const CASES: { rule: string; field: string; message: string; run: (backend: string) => Promise<ExecutionResult> }[] = [
  {
    rule: 'enrollContacts with no contact',
    field: 'contactIds',
    message: 'contactIds must not be empty',
    run: (backend) => harness.execute(EnrollContactsDocument, { campaignId: campaignOf(backend), contactIds: [] }),
  },
  {
    rule: 'enrollContacts with 1001 contacts',
    field: 'contactIds',
    message: 'at most 1000 contactIds per call',
    run: (backend) => harness.execute(EnrollContactsDocument, { campaignId: campaignOf(backend), contactIds: Array.from({ length: 1001 }, (_, i) => `ct_${i}`) }),
  },
  {
    rule: 'executeCampaign with both a contact and a trigger',
    field: 'input',
    message: 'give exactly one of contactId and triggerType',
    run: (backend) => harness.execute(ExecuteCampaignDocument, { campaignId: campaignOf(backend), input: { contactId: 'ct_1', triggerType: 'MANUAL' } }),
  },
  {
    rule: 'updateCampaign that changes nothing',
    field: 'input',
    message: '"input" changes nothing',
    run: (backend) => harness.execute(UpdateCampaignDocument, { id: campaignOf(backend), input: {} }),
  },
  {
    rule: 'updateTouchpoint that changes nothing',
    field: 'input',
    message: '"input" changes nothing',
    run: (backend) => harness.execute(UpdateTouchpointDocument, { id: touchpointOf(backend), input: {} }),
  },
];

describe('arguments a mutation refuses by its own rules', () => {
  for (const { rule, field, message, run } of CASES) {
    it.each(BACKENDS)(`${rule}, on %s: BAD_USER_INPUT on ${field}, nothing sent`, async (backend) => {
      harness.clearUpstreamRequests();
      expectGatewayError(await run(backend), { code: 'BAD_USER_INPUT', field, backend: null, message });
      expect(harness.upstreamRequests()).toEqual([]);
    });
  }
});

describe('a key without the mutation’s scope', () => {
  let guarded: GatewayHarness;
  beforeAll(async () => {
    guarded = await startGatewayHarness({ config: AUTH_CONFIG });
  });
  afterAll(() => guarded.close());

  it('is FORBIDDEN before its arguments are looked at', async () => {
    const result = await guarded.execute(EnrollContactsDocument, { campaignId: campaignOf(NAME_OF_KIND.workspace), contactIds: [] }, { authorization: `Bearer ${KEYS.read}` });
    expectGatewayError(result, { code: 'FORBIDDEN' });
  });
});

describe('a zod refusal as the gateway reports it', () => {
  it('names the first problem’s input path, list positions in brackets', () => {
    const schema = z.object({ input: z.object({ recipients: z.array(z.object({ contactId: z.string() })) }) });
    const parsed = schema.safeParse({ input: { recipients: [{ contactId: 'ct_1' }, { contactId: 7 }] } });
    const error = inputErrorOf(parsed.error!);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.recipients[1].contactId' });
  });
});
