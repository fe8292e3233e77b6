import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaignGlobalId } from '../../../src/model/global-id.js';
import { startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { AUTH_CONFIG, KEYS, type KeyName } from '../support/scoped-operations.js';
import { overPost, type TransportResult } from '../support/transports.js';

/**
 * Real writes with the scope they need and nothing more: a write key cannot
 * run queries, yet it reads every field of what its own mutations return
 * (nested campaign, backend, touchpoints, counters included); a delete key
 * deletes. Type fields carry no scope of their own.
 */
let gw: ListeningGateway;

beforeAll(async () => {
  gw = await startListeningGateway({ config: AUTH_CONFIG });
});
afterAll(async () => {
  await gw?.close();
});

function as(key: KeyName) {
  const run = overPost(gw.endpoint, { authorization: `Bearer ${KEYS[key]}` });
  return async (query: string, variables?: Record<string, unknown>): Promise<TransportResult> => run({ query, variables });
}

function ok(result: TransportResult): Record<string, any> {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

it('a write key cannot query, but reads all of what its create, update, touchpoint, enroll, execute and resend return', async () => {
  const write = as('write');
  expect((await write('{ campaigns(first: 1) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  const { createCampaign: campaign } = ok(
    await write(
      `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) {
        id nativeId name status channels createdAt raw backend { name kind capabilities } touchpoints { id } deliveryStats { sent } } }`,
      { input: { backend: 'messaging', name: 'Scoped launch', channels: ['EMAIL'] } },
    ),
  );
  expect(campaign).toMatchObject({ name: 'Scoped launch', channels: ['EMAIL'], backend: { name: 'messaging', kind: 'TOUCHPOINT' }, touchpoints: [] });

  const { createTouchpoint: touchpoint } = ok(
    await write(
      `mutation ($input: CreateTouchpointInput!) { createTouchpoint(input: $input) {
        id name type channel message campaign { id name touchpoints { id name } } } }`,
      { input: { campaignId: campaign.id, name: 'Welcome', type: 'MESSAGE', channel: 'EMAIL', message: { subject: 'Hi', text: 'Welcome!' } } },
    ),
  );
  expect(touchpoint).toMatchObject({ name: 'Welcome', type: 'MESSAGE', campaign: { id: campaign.id, touchpoints: [{ id: touchpoint.id, name: 'Welcome' }] } });

  const { updateTouchpoint } = ok(await write('mutation ($id: ID!) { updateTouchpoint(id: $id, input: { name: "Welcome!" }) { id name campaign { name } } }', { id: touchpoint.id }));
  expect(updateTouchpoint).toEqual({ id: touchpoint.id, name: 'Welcome!', campaign: { name: 'Scoped launch' } });
  expect(ok(await write('mutation ($id: ID!) { validateTouchpoint(id: $id) { valid errors } }', { id: touchpoint.id })).validateTouchpoint).toEqual({ valid: true, errors: [] });

  const enrolled = ok(
    await write('mutation ($id: ID!) { enrollContacts(campaignId: $id, contactIds: ["ct_scoped_1"]) { enrolled alreadyEnrolled failed results { contactId status } } }', {
      id: campaignGlobalId({ backend: 'growth', nativeId: 'cmp_trial_ending' }),
    }),
  );
  expect(enrolled.enrollContacts).toMatchObject({ enrolled: 1, results: [{ contactId: 'ct_scoped_1', status: 'ENROLLED' }] });
  const executed = ok(
    await write('mutation ($id: ID!) { executeCampaign(campaignId: $id, input: { contactId: "ct_9" }) { executed executionId } }', {
      id: campaignGlobalId({ backend: 'growth', nativeId: 'cmp_telegram_launch' }),
    }),
  );
  expect(executed.executeCampaign.executed).toBe(true);

  // Finding a failed message is a query: the admin key's job.
  const broadcast = campaignGlobalId({ backend: 'broadcast', nativeId: '383' });
  const listed = ok(await as('admin')('query ($id: ID!) { campaign(id: $id) { messages(first: 100) { nodes { id status } } } }', { id: broadcast }));
  const failed = (listed.campaign.messages.nodes as { id: string; status: string }[]).find((m) => m.status === 'FAILED')!;
  const resent = ok(await write('mutation ($id: ID!) { resendMessage(id: $id) { id status recipient campaign { id name deliveryStats { failed } } } }', { id: failed.id }));
  expect(resent.resendMessage).toMatchObject({ id: failed.id, status: 'PENDING', campaign: { id: broadcast } });

  // Deleting is not writing.
  const refused = await write('mutation ($id: ID!) { deleteTouchpoint(id: $id) }', { id: touchpoint.id });
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const refusedCampaign = await write('mutation ($id: ID!) { deleteCampaign(id: $id) }', { id: campaign.id });
  expect(refusedCampaign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  const remove = as('delete');
  expect(ok(await remove('mutation ($id: ID!) { deleteTouchpoint(id: $id) }', { id: touchpoint.id })).deleteTouchpoint).toBe(touchpoint.id);
  expect(ok(await remove('mutation ($id: ID!) { deleteCampaign(id: $id) }', { id: campaign.id })).deleteCampaign).toBe(campaign.id);
  expect((await remove('mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', {
    input: { backend: 'messaging', name: 'Not allowed', channels: ['SMS'] },
  })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  expect(ok(await as('read')('query ($id: ID!) { campaign(id: $id) { id } }', { id: campaign.id })).campaign).toBeNull();
});

it('an admin key does everything: query, write and delete in one session', async () => {
  const admin = as('admin');
  expect(ok(await admin('{ campaigns(first: 1) { totalCount } }')).campaigns).toBeDefined();
  const { createCampaign } = ok(await admin('mutation { createCampaign(input: { backend: "growth", name: "Admin made" }) { id name } }'));
  expect(ok(await admin('query ($id: ID!) { campaign(id: $id) { name } }', { id: createCampaign.id })).campaign).toEqual({ name: 'Admin made' });
  expect(ok(await admin('mutation ($id: ID!) { updateCampaign(id: $id, input: { name: "Admin renamed" }) { name } }', { id: createCampaign.id })).updateCampaign).toEqual({ name: 'Admin renamed' });
  expect(ok(await admin('mutation ($id: ID!) { deleteCampaign(id: $id) }', { id: createCampaign.id })).deleteCampaign).toBe(createCampaign.id);
});
