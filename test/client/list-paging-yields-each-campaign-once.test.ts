import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient, type Campaign, type CampaignGatewayClient, type ListCampaignsParams } from '../../src/client/index.js';
import { startListeningGateway, type ListeningGateway } from '../server/support/listening-gateway.js';
import { expectClientError } from './support/expect-client-error.js';

let gateway: ListeningGateway;
let client: CampaignGatewayClient;

beforeAll(async () => {
  gateway = await startListeningGateway();
  client = createClient({ url: gateway.endpoint });
});
afterAll(() => gateway?.close());

/** Follows `next` from the first page to the last, passing only the cursor after the first call. */
async function walk(first: ListCampaignsParams): Promise<{ campaigns: Campaign[]; pages: number }> {
  const campaigns: Campaign[] = [];
  let page = await client.campaign.list(first);
  let pages = 1;
  campaigns.push(...page.data);
  while (page.next) {
    expect(page.errors).toEqual([]);
    page = await client.campaign.list({ cursor: page.next });
    pages += 1;
    campaigns.push(...page.data);
    if (pages > 100) throw new Error('paging does not end');
  }
  return { campaigns, pages };
}

it('following next across every backend yields each campaign exactly once, in the order of one big page', async () => {
  const whole = await client.campaign.list({ limit: 100 });
  expect(whole.next).toBeNull();
  expect(new Set(whole.data.map((c) => c.backend))).toEqual(new Set(['growth', 'broadcast', 'contact-center', 'messaging']));

  const { campaigns, pages } = await walk({ limit: 3 });
  expect(pages).toBe(Math.ceil(whole.data.length / 3));
  const ids = campaigns.map((c) => c._id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(whole.data.map((c) => c._id));
});

it('next keeps the filters of its list: only the cursor is passed, and every page matches them', async () => {
  const filters: ListCampaignsParams = { backend: ['broadcast', 'messaging'], status: ['active', 'completed', 'draft'] };
  const whole = await client.campaign.list({ ...filters, limit: 100 });
  const { campaigns } = await walk({ ...filters, limit: 2 });
  expect(campaigns.map((c) => c._id)).toEqual(whole.data.map((c) => c._id));
  for (const campaign of campaigns) {
    expect(['broadcast', 'messaging']).toContain(campaign.backend);
    expect(['active', 'completed', 'draft']).toContain(campaign.status);
  }
});

it('a limit given beside the cursor changes the page size of the same list', async () => {
  const first = await client.campaign.list({ backend: 'messaging', limit: 2 });
  const bigger = await client.campaign.list({ cursor: first.next, limit: 5 });
  expect(bigger.data).toHaveLength(5);
  expect(bigger.data.every((c) => c.backend === 'messaging')).toBe(true);
  expect(bigger.data.map((c) => c._id)).not.toContain(first.data[0]!._id);
  // Options left undefined (an app passing its form's empty fields) do not change the list.
  const same = await client.campaign.list({ cursor: first.next, backend: undefined, limit: undefined });
  expect(same.data.map((c) => c._id)).toEqual(bigger.data.slice(0, 2).map((c) => c._id));
});

it('a cursor the client did not issue is BAD_USER_INPUT on "cursor", and nothing is sent', async () => {
  const sent = () => gateway.references.all.reduce((n, b) => n + b.requests.list().length, 0);
  const before = sent();
  for (const cursor of ['not a cursor', 'eyJ2IjoyfQ', btoa('{"v":1,"a":5,"p":{}}')]) {
    const failure = await expectClientError(client.campaign.list({ cursor }), 'BAD_USER_INPUT');
    expect(failure.field).toBe('cursor');
  }
  expect(sent()).toBe(before);
});
