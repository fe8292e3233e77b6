import { describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../src/adapters/seam/backend-adapter.js';
import { facetOf } from '../../src/adapters/seam/capabilities.js';
import type { FacetName } from '../../src/adapters/seam/facets.js';
import { CHANNELS, TOUCHPOINT_TYPES } from '../../src/model/enums.js';
import type { Campaign, Page, PageRequest, Touchpoint } from '../../src/model/unified.js';
import type { ConformanceFixture, ConformanceOptions } from './conformance-options.js';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Every item of a backend-local list, walked `first` at a time; fails on a page that repeats an item or a list that does not end. */
async function walkPages<T>(list: (page: PageRequest) => Promise<Page<T> | null>, first: number, idOf: (item: T) => string): Promise<{ items: T[]; totalCount: number | null }> {
  const items: T[] = [];
  let after: string | null = null;
  let totalCount: number | null = null;
  for (let pages = 0; pages < 200; pages += 1) {
    const page: Page<T> | null = await list({ first, after });
    expect(page).not.toBeNull();
    expect(page!.items.length).toBeLessThanOrEqual(first);
    items.push(...page!.items);
    totalCount = page!.totalCount;
    if (page!.next === null) {
      expect(new Set(items.map(idOf)).size).toBe(items.length);
      return { items, totalCount };
    }
    after = page!.next;
  }
  throw new Error('paging did not end');
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

/**
 * The cases of every facet, each named after its facet and skipped (visibly,
 * with `it.skipIf`) for a kind that does not have it. Reads come first; the
 * writes then change the backend, each removing what it made where it can.
 */
export function describeFacetCases(options: ConformanceOptions, fixtureOf: () => ConformanceFixture): void {
  const lacks = (facet: FacetName) => !options.facets.includes(facet);
  const adapter = (): BackendAdapter => fixtureOf().adapter;
  const writes = options.writes ?? {};
  const requests = () => fixtureOf().backend.requests.count();

  /** A campaign made for a write case (from `writes.createCampaign`). */
  async function createCampaign(): Promise<Campaign> {
    if (!writes.createCampaign) throw new Error('this case needs writes.createCampaign');
    return facetOf(adapter(), 'campaignCreate').create(writes.createCampaign, {});
  }
  async function removeCampaign(campaign: Campaign): Promise<void> {
    if (adapter().campaignDelete) await facetOf(adapter(), 'campaignDelete').delete(campaign.nativeId, {});
  }

  describe('facets', () => {
    it.skipIf(lacks('touchpoints'))('touchpoints: come in position order with unified types', async () => {
      const [touchpoints] = await facetOf(adapter(), 'touchpoints').list([options.sample.nativeId], {});
      expect(Array.isArray(touchpoints)).toBe(true);
      const list = touchpoints as Touchpoint[];
      for (const tp of list) {
        expect(TOUCHPOINT_TYPES).toContain(tp.type);
        expect(tp.campaignNativeId).toBe(options.sample.nativeId);
        if (tp.channel !== null) expect(CHANNELS).toContain(tp.channel);
        if (tp.createdAt !== null) expect(tp.createdAt).toMatch(ISO_MS);
      }
      const positions = list.map((tp) => tp.position ?? 0);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      if (options.sampleTouchpoints) expect(list).toMatchObject(options.sampleTouchpoints);
    });

    it.skipIf(lacks('touchpoints'))('touchpoints: lookups answer in key order, null for unknown ids', async () => {
      const touchpoints = facetOf(adapter(), 'touchpoints');
      const [list] = await touchpoints.list([options.sample.nativeId, options.unknownNativeId], {});
      const first = (list as Touchpoint[])[0]!;
      const keys = [
        { campaignNativeId: options.unknownNativeId, nativeId: 'missing' },
        { campaignNativeId: first.campaignNativeId, nativeId: first.nativeId },
        { campaignNativeId: first.campaignNativeId, nativeId: 'missing_tp' },
      ];
      const loaded = await touchpoints.get(keys, {});
      expect(loaded).toHaveLength(3);
      expect(loaded[0]).toBeNull();
      expect((loaded[1] as Touchpoint).nativeId).toBe(first.nativeId);
      expect(loaded[2]).toBeNull();
      const [, unknownCampaign] = await touchpoints.list([options.sample.nativeId, options.unknownNativeId], {});
      expect(unknownCampaign).toBeNull();
    });

    it.skipIf(lacks('touchpoints'))('touchpoints: validate answers for every touchpoint it lists, NOT_FOUND for one it does not', async () => {
      const touchpoints = facetOf(adapter(), 'touchpoints');
      const [list] = await touchpoints.list([options.sample.nativeId], {});
      expect((list as Touchpoint[]).length).toBeGreaterThan(0);
      for (const tp of list as Touchpoint[]) {
        const validation = await touchpoints.validate({ campaignNativeId: tp.campaignNativeId, nativeId: tp.nativeId }, {});
        expect(typeof validation.valid).toBe('boolean');
        expect(validation.valid).toBe(validation.errors.length === 0);
        for (const error of validation.errors) expect(typeof error).toBe('string');
      }
      const missing = await rejection(touchpoints.validate({ campaignNativeId: options.sample.nativeId, nativeId: 'missing_tp' }, {}));
      expect(missing).toMatchObject({ code: 'NOT_FOUND', backend: adapter().name });
    });

    it.skipIf(lacks('enrollmentList'))('enrollmentList: pages through a campaign’s enrollments once each, as many as its enrollmentCount; null for an unknown campaign', async () => {
      const campaignNativeId = options.enrollmentsOf ?? options.sample.nativeId;
      const enrollments = facetOf(adapter(), 'enrollmentList');
      const walked = await walkPages((page) => enrollments.list(campaignNativeId, page, {}), 3, (e) => e.contactId);
      const [campaign] = (await adapter().getCampaigns([campaignNativeId], {})) as Campaign[];
      expect(walked.items.length).toBeGreaterThan(0);
      expect(walked.items.length).toBe(campaign!.enrollmentCount);
      if (walked.totalCount !== null) expect(walked.totalCount).toBe(walked.items.length);
      for (const enrollment of walked.items) expect(enrollment).toMatchObject({ backend: adapter().name, campaignNativeId });
      expect(await enrollments.list(options.unknownNativeId, { first: 5, after: null }, {})).toBeNull();
    });

    it.skipIf(lacks('messages'))('messages: pages through a campaign’s messages once each; null for an unknown campaign', async () => {
      const campaignNativeId = options.messagesOf ?? options.sample.nativeId;
      const messages = facetOf(adapter(), 'messages');
      const walked = await walkPages((page) => messages.list(campaignNativeId, page, {}), 3, (m) => m.nativeId);
      expect(walked.items.length).toBeGreaterThan(0);
      if (walked.totalCount !== null) expect(walked.totalCount).toBe(walked.items.length);
      for (const message of walked.items) {
        expect(message).toMatchObject({ backend: adapter().name, campaignNativeId });
        for (const time of [message.sentAt, message.updatedAt]) if (time !== null) expect(time).toMatch(ISO_MS);
      }
      expect(await messages.list(options.unknownNativeId, { first: 5, after: null }, {})).toBeNull();
    });

    it.skipIf(lacks('deliveryStats'))('deliveryStats: reads the counters its campaign record carries, with its status; null for an unknown campaign', async () => {
      const deliveryStats = facetOf(adapter(), 'deliveryStats');
      const reading = await deliveryStats.read(options.sample.nativeId, {});
      const [campaign] = (await adapter().getCampaigns([options.sample.nativeId], {})) as Campaign[];
      expect(reading).toEqual({ stats: campaign!.deliveryStats, status: campaign!.status });
      expect(reading!.stats.updatedAt).toMatch(ISO_MS);
      expect(await deliveryStats.read(options.unknownNativeId, {})).toBeNull();
    });

    it.skipIf(lacks('campaignCreate'))('campaignCreate: a created campaign reads back by its native id', async () => {
      const created = await createCampaign();
      try {
        expect(created).toMatchObject({ backend: adapter().name, name: writes.createCampaign!.name });
        const [read] = await adapter().getCampaigns([created.nativeId], {});
        expect(read).toMatchObject({ nativeId: created.nativeId, name: created.name, status: created.status });
      } finally {
        await removeCampaign(created);
      }
    });

    it.skipIf(lacks('campaignUpdate'))('campaignUpdate: a change reads back; an input that changes nothing is BAD_USER_INPUT and sends nothing', async () => {
      if (!writes.updateCampaign) throw new Error('this case needs writes.updateCampaign');
      const campaignUpdate = facetOf(adapter(), 'campaignUpdate');
      const created = await createCampaign();
      try {
        const updated = await campaignUpdate.update(created.nativeId, writes.updateCampaign, {});
        expect(updated.nativeId).toBe(created.nativeId);
        if (writes.updateCampaign.name) expect(updated.name).toBe(writes.updateCampaign.name);
        const [read] = await adapter().getCampaigns([created.nativeId], {});
        expect(read).toMatchObject({ name: updated.name });
        const before = requests();
        const nothing = await rejection(campaignUpdate.update(created.nativeId, { name: null }, {}));
        expect(nothing).toMatchObject({ code: 'BAD_USER_INPUT', backend: adapter().name });
        expect(requests()).toBe(before);
      } finally {
        await removeCampaign(created);
      }
    });

    it.skipIf(lacks('campaignDelete'))('campaignDelete: a deleted campaign reads as null, and deleting it again is NOT_FOUND', async () => {
      const campaignDelete = facetOf(adapter(), 'campaignDelete');
      const created = await createCampaign();
      await campaignDelete.delete(created.nativeId, {});
      expect(await adapter().getCampaigns([created.nativeId], {})).toEqual([null]);
      expect(await rejection(campaignDelete.delete(created.nativeId, {}))).toMatchObject({ code: 'NOT_FOUND', backend: adapter().name });
    });

    it.skipIf(lacks('touchpointWrites'))('touchpointWrites: a created touchpoint reads back, a change shows, and once deleted it is gone', async () => {
      if (!writes.touchpoint) throw new Error('this case needs writes.touchpoint');
      const touchpointWrites = facetOf(adapter(), 'touchpointWrites');
      const touchpoints = facetOf(adapter(), 'touchpoints');
      const campaign = await createCampaign();
      try {
        const created = await touchpointWrites.create(campaign.nativeId, writes.touchpoint.create, {});
        expect(created).toMatchObject({ backend: adapter().name, campaignNativeId: campaign.nativeId, name: writes.touchpoint.create.name, type: writes.touchpoint.create.type });
        const key = { campaignNativeId: campaign.nativeId, nativeId: created.nativeId };
        expect(await touchpoints.get([key], {})).toMatchObject([{ nativeId: created.nativeId, name: created.name }]);

        const updated = await touchpointWrites.update(key, writes.touchpoint.update, {});
        expect(updated.nativeId).toBe(created.nativeId);
        if (writes.touchpoint.update.name) expect(updated.name).toBe(writes.touchpoint.update.name);
        expect(await touchpoints.get([key], {})).toMatchObject([{ nativeId: created.nativeId, name: updated.name }]);

        await touchpointWrites.delete(key, {});
        expect(await touchpoints.get([key], {})).toEqual([null]);
        expect(await rejection(touchpointWrites.delete(key, {}))).toMatchObject({ code: 'NOT_FOUND', backend: adapter().name });
      } finally {
        await removeCampaign(campaign);
      }
    });

    it.skipIf(lacks('enrollment'))('enrollment: each contact’s outcome is counted once, and enrolling again finds the new one enrolled', async () => {
      if (!writes.enroll) throw new Error('this case needs writes.enroll');
      const { campaignNativeId, contactIds } = writes.enroll;
      const enrollment = facetOf(adapter(), 'enrollment');
      const result = await enrollment.enroll(campaignNativeId, contactIds, {});
      expect(result.results.map((r) => r.contactId)).toEqual(contactIds);
      expect(result.enrolled + result.alreadyEnrolled + result.failed).toBe(result.results.length);
      expect(result.results[0]).toMatchObject({ contactId: contactIds[0], status: 'ENROLLED', error: null });
      const again = await enrollment.enroll(campaignNativeId, [contactIds[0]!], {});
      expect(again).toMatchObject({ enrolled: 0, alreadyEnrolled: 1, results: [{ contactId: contactIds[0], status: 'ALREADY_ENROLLED' }] });
    });

    it.skipIf(lacks('execution'))('execution: runs a campaign, and an unknown campaign is NOT_FOUND', async () => {
      if (!writes.execute) throw new Error('this case needs writes.execute');
      const execution = facetOf(adapter(), 'execution');
      const result = await execution.execute(writes.execute.campaignNativeId, writes.execute.input, {});
      expect(result.executed).toBe(true);
      expect(result.executionId === null || typeof result.executionId === 'string').toBe(true);
      expect(await rejection(execution.execute(options.unknownNativeId, writes.execute.input, {}))).toMatchObject({ code: 'NOT_FOUND', backend: adapter().name });
    });

    it.skipIf(lacks('resend'))('resend: a failed message goes out again as PENDING, and an unknown one is NOT_FOUND', async () => {
      const campaignNativeId = options.messagesOf ?? options.sample.nativeId;
      const page = await facetOf(adapter(), 'messages').list(campaignNativeId, { first: 100, after: null }, {});
      const failed = page!.items.find((message) => message.status === 'FAILED');
      if (!failed) throw new Error(`campaign ${campaignNativeId} has no failed message to resend`);
      const resend = facetOf(adapter(), 'resend');
      const resent = await resend.resend({ campaignNativeId, nativeId: failed.nativeId }, {});
      expect(resent).toMatchObject({ backend: adapter().name, campaignNativeId, nativeId: failed.nativeId, recipient: failed.recipient, status: 'PENDING' });
      expect(await rejection(resend.resend({ campaignNativeId, nativeId: 'missing_message' }, {}))).toMatchObject({ code: 'NOT_FOUND', backend: adapter().name });
    });
  });
}
