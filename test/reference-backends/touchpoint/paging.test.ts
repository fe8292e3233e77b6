import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';
import { allPages, call } from './http.js';

const ids = (items: Array<{ _id: string }>) => items.map((item) => item._id);

describe('touchpoint backend: list limits and cursors', () => {
  let backend: TouchpointReferenceBackend;
  const clock = new ManualClock(Date.UTC(2026, 9, 1));

  beforeAll(async () => {
    backend = await startTouchpointBackend({ clock });
    // 25 campaigns besides the seed's 10; three share a creation instant to exercise the _id tie-break.
    for (let i = 0; i < 25; i++) {
      if (i < 22) clock.advance(60_000);
      await call(backend, 'POST', '/v1/campaigns', { name: `Campaign ${i}`, channel_type: 'sms' });
    }
  });
  afterAll(async () => {
    await backend.close();
  });

  describe('limit', () => {
    it('defaults to 20', async () => {
      const answer = await call(backend, 'GET', '/v1/campaigns');
      expect(answer.body.data).toHaveLength(20);
      expect(answer.body.next_cursor).toEqual(expect.any(String));
      const touchpoints = await call(backend, 'GET', '/v1/touchpoints');
      expect(touchpoints.body.data).toHaveLength(20);
    });

    it('allows up to 100', async () => {
      const answer = await call(backend, 'GET', '/v1/campaigns?limit=100');
      expect(answer.status).toBe(200);
      expect(answer.body.data).toHaveLength(35);
      expect(answer.body.next_cursor).toBeNull();
    });

    const invalid: Array<[string, string, string]> = [
      ['above 100', '101', 'limit must be between 1 and 100.'],
      ['zero', '0', 'limit must be between 1 and 100.'],
      ['not a number', 'ten', 'limit must be an integer.'],
      ['fractional', '2.5', 'limit must be an integer.'],
      ['negative', '-5', 'limit must be an integer.'],
      ['empty', '', 'limit must be an integer.'],
    ];
    for (const list of ['campaigns', 'touchpoints']) {
      it.each(invalid)(`refuses a ${list} limit %s`, async (_label, limit, message) => {
        const answer = await call(backend, 'GET', `/v1/${list}?limit=${limit}`);
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ error: { code: 'invalid_request', message, param: 'limit' } });
      });
    }
  });

  describe('campaign pages', () => {
    it('orders by created_at descending, equal times by _id descending', async () => {
      const { body } = await call(backend, 'GET', '/v1/campaigns?limit=100');
      const campaigns = body.data as Array<{ _id: string; created_at: string }>;
      for (let i = 1; i < campaigns.length; i++) {
        const [a, b] = [campaigns[i - 1]!, campaigns[i]!];
        const order = Date.parse(b.created_at) - Date.parse(a.created_at) || (a._id > b._id ? -1 : 1);
        expect(order).toBeLessThan(0);
      }
      const tied = campaigns.filter((c) => c.created_at === campaigns[0]!.created_at);
      expect(tied).toHaveLength(4);
    });

    it.each([1, 3, 7, 20, 34, 35, 100])('yields every campaign exactly once, in order, with limit %i', async (limit) => {
      const full = (await call(backend, 'GET', '/v1/campaigns?limit=100')).body.data;
      const pages = await allPages(backend, '/v1/campaigns', limit);
      expect(pages).toHaveLength(Math.ceil(35 / limit));
      for (const page of pages.slice(0, -1)) expect(page.data).toHaveLength(limit);
      expect(pages.flatMap((page) => page.data)).toEqual(full);
    });

    it('keeps later pages unchanged when a campaign is created between pages', async () => {
      const stable = await startTouchpointBackend({ clock: new ManualClock(Date.UTC(2026, 9, 1)) });
      try {
        const before = ids((await call(stable, 'GET', '/v1/campaigns?limit=100')).body.data);
        const first = await call(stable, 'GET', '/v1/campaigns?limit=4');
        const created = await call(stable, 'POST', '/v1/campaigns', { name: 'Inserted', channel_type: 'email' });
        const seen = [...ids(first.body.data)];
        let cursor: string | null = first.body.next_cursor;
        while (cursor) {
          const page = await call(stable, 'GET', `/v1/campaigns?limit=4&cursor=${cursor}`);
          seen.push(...ids(page.body.data));
          cursor = page.body.next_cursor;
        }
        expect(seen).toEqual(before);
        expect(seen).not.toContain(created.body._id);
        const after = ids((await call(stable, 'GET', '/v1/campaigns?limit=1')).body.data);
        expect(after).toEqual([created.body._id]);
      } finally {
        await stable.close();
      }
    });

    it('refuses a cursor it did not issue', async () => {
      const expected = { error: { code: 'invalid_request', message: 'cursor is not a cursor this list returned.', param: 'cursor' } };
      for (const cursor of ['garbage!', 'eyJub3QiOiJhIGN1cnNvciJ9', '20']) {
        const answer = await call(backend, 'GET', `/v1/campaigns?cursor=${cursor}`);
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual(expected);
      }
      const touchpointCursor = (await call(backend, 'GET', '/v1/touchpoints?limit=1')).body.next_cursor;
      const crossed = await call(backend, 'GET', `/v1/campaigns?cursor=${touchpointCursor}`);
      expect(crossed.status).toBe(400);
      expect(crossed.body).toEqual(expected);
    });
  });

  describe('touchpoint pages', () => {
    it('orders across campaigns as the campaign list does, then by position', async () => {
      const campaigns = (await call(backend, 'GET', '/v1/campaigns?limit=100')).body.data as Array<{ _id: string }>;
      const expected: string[] = [];
      for (const campaign of campaigns) {
        const { body } = await call(backend, 'GET', `/v1/touchpoints?campaign_id=${campaign._id}`);
        expected.push(...ids(body.data));
      }
      const all = (await call(backend, 'GET', '/v1/touchpoints?limit=100')).body;
      expect(all.next_cursor).toBeNull();
      expect(ids(all.data)).toEqual(expected);
      expect(expected).toHaveLength(31);
    });

    it.each([1, 2, 5, 13, 31])('yields every touchpoint exactly once, in order, with limit %i', async (limit) => {
      const full = (await call(backend, 'GET', '/v1/touchpoints?limit=100')).body.data;
      const pages = await allPages(backend, '/v1/touchpoints', limit);
      expect(pages).toHaveLength(Math.ceil(31 / limit));
      expect(pages.flatMap((page) => page.data)).toEqual(full);
    });

    it('pages within one campaign', async () => {
      const onboarding = 'cmp_5eed00000000000000000005';
      const pages = await allPages(backend, `/v1/touchpoints?campaign_id=${onboarding}`, 2);
      expect(pages.map((page) => page.data.map((t: { position: number }) => t.position))).toEqual([[0, 1], [2, 3], [4]]);
    });

    it('answers 404 with param campaign_id when filtering by an unknown campaign', async () => {
      const answer = await call(backend, 'GET', '/v1/touchpoints?campaign_id=cmp_missing');
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'not_found', message: 'No campaign with id cmp_missing.', param: 'campaign_id' } });
    });

    it('neither repeats nor skips when touchpoints and campaigns are added between pages', async () => {
      const stable = await startTouchpointBackend({ clock: new ManualClock(Date.UTC(2026, 9, 1)) });
      try {
        const before = ids((await call(stable, 'GET', '/v1/touchpoints?limit=100')).body.data);
        const first = await call(stable, 'GET', '/v1/touchpoints?limit=5');
        const campaign = (await call(stable, 'POST', '/v1/campaigns', { name: 'New', channel_type: 'sms' })).body;
        await call(stable, 'POST', '/v1/touchpoints', { name: 'In new', type: 'message', campaign_id: campaign._id, message: 'x' });
        // Appending to the campaign the first page ended in puts the new touchpoint on a later page.
        const lastSeen = first.body.data.at(-1);
        const appended = (
          await call(stable, 'POST', '/v1/touchpoints', { name: 'Appended', type: 'action', campaign_id: lastSeen.campaign_id, message: 'tag' })
        ).body;
        const rest = ids((await call(stable, 'GET', `/v1/touchpoints?limit=100&cursor=${first.body.next_cursor}`)).body.data);
        const seen = [...ids(first.body.data), ...rest];
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.filter((id) => id !== appended._id)).toEqual(before);
        const sameCampaign = ids((await call(stable, 'GET', `/v1/touchpoints?campaign_id=${lastSeen.campaign_id}`)).body.data);
        expect(sameCampaign.at(-1)).toBe(appended._id);
        expect(seen.indexOf(appended._id)).toBe(seen.indexOf(sameCampaign.at(-2)!) + 1);
      } finally {
        await stable.close();
      }
    });

    it('resumes after the last touchpoint seen even when one before it was deleted', async () => {
      const stable = await startTouchpointBackend({ clock: new ManualClock(Date.UTC(2026, 9, 1)) });
      try {
        const before = ids((await call(stable, 'GET', '/v1/touchpoints?limit=100')).body.data);
        // The first campaign in the list (Loyalty Tier Upgrade) has four touchpoints.
        const first = await call(stable, 'GET', '/v1/touchpoints?limit=2');
        await call(stable, 'DELETE', `/v1/touchpoints/${before[0]}`);
        const rest = ids((await call(stable, 'GET', `/v1/touchpoints?limit=100&cursor=${first.body.next_cursor}`)).body.data);
        expect(rest).toEqual(before.slice(2));
      } finally {
        await stable.close();
      }
    });

    it('resumes at the next touchpoint when the last one seen was deleted', async () => {
      const stable = await startTouchpointBackend({ clock: new ManualClock(Date.UTC(2026, 9, 1)) });
      try {
        const before = ids((await call(stable, 'GET', '/v1/touchpoints?limit=100')).body.data);
        const first = await call(stable, 'GET', '/v1/touchpoints?limit=2');
        await call(stable, 'DELETE', `/v1/touchpoints/${before[1]}`);
        const rest = ids((await call(stable, 'GET', `/v1/touchpoints?limit=100&cursor=${first.body.next_cursor}`)).body.data);
        expect(rest).toEqual(before.slice(2));
      } finally {
        await stable.close();
      }
    });

    it('refuses a campaign cursor', async () => {
      const campaignCursor = (await call(backend, 'GET', '/v1/campaigns?limit=1')).body.next_cursor;
      const answer = await call(backend, 'GET', `/v1/touchpoints?cursor=${campaignCursor}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: { code: 'invalid_request', message: 'cursor is not a cursor this list returned.', param: 'cursor' },
      });
    });
  });
});
