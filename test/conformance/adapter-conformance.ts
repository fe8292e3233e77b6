import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../src/adapters/seam/backend-adapter.js';
import { capabilitiesOf, FACET_NAMES, facetsOf } from '../../src/adapters/seam/capabilities.js';
import type { FacetName } from '../../src/adapters/seam/facets.js';
import type { BackendKindDefinition } from '../../src/backend-kinds/backend-kind.js';
import { listCampaigns } from '../../src/gateway/campaign-list.js';
import { comparePositions, sortPosition } from '../../src/model/campaign-order.js';
import type { CampaignOrder } from '../../src/model/campaign-query.js';
import { CAMPAIGN_STATUSES, CAPABILITIES, CHANNELS } from '../../src/model/enums.js';
import type { Campaign } from '../../src/model/unified.js';
import type { ConformanceFixture, ConformanceOptions } from './conformance-options.js';
import { describeFacetCases } from './facet-cases.js';

export type { ConformanceFixture, ConformanceOptions, ConformanceWrites } from './conformance-options.js';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The methods of each facet: an adapter that has a facet has every one of them. */
const METHODS_OF_FACET: Record<FacetName, string[]> = {
  campaignCreate: ['create'],
  campaignUpdate: ['update'],
  campaignDelete: ['delete'],
  touchpoints: ['list', 'get', 'validate'],
  touchpointWrites: ['create', 'update', 'delete'],
  enrollment: ['enroll'],
  enrollmentList: ['list'],
  execution: ['execute'],
  messages: ['list'],
  resend: ['resend'],
  deliveryStats: ['read'],
};

/** Every campaign of one adapter, walked through the gateway's list with `pageSize` per page. */
export async function walkCampaigns(adapter: BackendAdapter, order: CampaignOrder, pageSize: number): Promise<Campaign[]> {
  const seen: Campaign[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await listCampaigns([adapter], { first: pageSize, after, order, filter: {} }, {});
    expect(page.errors).toEqual([]);
    seen.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

/**
 * The shared adapter suite (unstorage's `testDriver` style): every registered
 * kind runs it over real HTTP against its reference backend, then adds its own
 * cases. The core's cases run for every kind; each facet's run where the kind
 * has the facet and show as skipped, by name, where it does not.
 */
export function describeAdapterConformance(definition: BackendKindDefinition, options: ConformanceOptions): void {
  const { kind, backendKind, secretFields } = definition.adapter;
  describe(`${kind} adapter conformance`, () => {
    let fixture: ConformanceFixture;
    let all: Campaign[];

    beforeAll(async () => {
      fixture = await options.setup();
      all = await walkCampaigns(fixture.adapter, { field: 'CREATED_AT', direction: 'DESC' }, 100);
    });
    afterAll(async () => {
      await fixture?.adapter.close();
      await fixture?.backend.close();
    });

    it('matches interface', () => {
      const { adapter } = fixture;
      expect(typeof adapter.name).toBe('string');
      expect(adapter.kind).toBe(backendKind);
      expect(fixture.backend.kind).toBe(kind);
      for (const method of ['listCampaigns', 'getCampaigns', 'close'] as const) expect(typeof adapter[method], method).toBe('function');
      expect(facetsOf(adapter)).toEqual(FACET_NAMES.filter((name) => options.facets.includes(name)));
      for (const facet of facetsOf(adapter)) {
        for (const method of METHODS_OF_FACET[facet]) expect(typeof (adapter[facet] as unknown as Record<string, unknown>)[method], `${facet}.${method}`).toBe('function');
      }
      for (const capability of capabilitiesOf(adapter)) expect(CAPABILITIES).toContain(capability);
      expect([...capabilitiesOf(adapter)].sort()).toEqual([...options.capabilities].sort());
    });

    it('lists the seeded campaigns, each normalized to the unified model', () => {
      expect(all.length).toBeGreaterThanOrEqual(8);
      const secrets = secretFields.map((field) => fixture.backend.credentials[field]!);
      expect(secrets.length).toBeGreaterThan(0);
      for (const campaign of all) {
        expect(campaign.backend).toBe(fixture.adapter.name);
        expect(campaign.nativeId).toMatch(/\S/);
        expect(typeof campaign.name).toBe('string');
        expect(CAMPAIGN_STATUSES).toContain(campaign.status);
        expect(campaign.rawStatus === null || typeof campaign.rawStatus === 'string').toBe(true);
        for (const channel of campaign.channels) expect(CHANNELS).toContain(channel);
        expect(new Set(campaign.channels).size).toBe(campaign.channels.length);
        for (const time of [campaign.createdAt, campaign.updatedAt, campaign.scheduledAt]) {
          if (time !== null) expect(time).toMatch(ISO_MS);
        }
        expect(campaign.enrollmentCount === null || Number.isInteger(campaign.enrollmentCount)).toBe(true);
        if (campaign.deliveryStats) {
          expect(Number.isInteger(campaign.deliveryStats.sent)).toBe(true);
          expect(campaign.deliveryStats.updatedAt).toMatch(ISO_MS);
        }
        expect(typeof campaign.raw).toBe('object');
        const raw = JSON.stringify(campaign.raw);
        for (const secret of secrets) expect(raw).not.toContain(secret);
      }
    });

    it('normalizes the sample campaign as the normalization table says', async () => {
      const [campaign] = await fixture.adapter.getCampaigns([options.sample.nativeId], {});
      expect(campaign).toMatchObject(options.sample.expected);
    });

    it('batch loads answer in the order and length of the keys, null for unknown ids', async () => {
      const [a, b] = all;
      const keys = [b!.nativeId, options.unknownNativeId, a!.nativeId, b!.nativeId];
      const loaded = await fixture.adapter.getCampaigns(keys, {});
      expect(loaded).toHaveLength(4);
      expect((loaded[0] as Campaign).nativeId).toBe(b!.nativeId);
      expect(loaded[1]).toBeNull();
      expect((loaded[2] as Campaign).nativeId).toBe(a!.nativeId);
      expect((loaded[3] as Campaign).nativeId).toBe(b!.nativeId);
    });

    const orders: CampaignOrder[] = [
      { field: 'CREATED_AT', direction: 'DESC' },
      { field: 'CREATED_AT', direction: 'ASC' },
      { field: 'NAME', direction: 'ASC' },
      { field: 'UPDATED_AT', direction: 'DESC' },
    ];
    for (const order of orders) {
      for (const pageSize of [1, 3, 7]) {
        it(`pages through every campaign exactly once by ${order.field} ${order.direction}, ${pageSize} per page`, async () => {
          const walked = await walkCampaigns(fixture.adapter, order, pageSize);
          const expected = [...all].sort((x, y) => comparePositions(sortPosition(x, order), sortPosition(y, order), order.direction));
          expect(walked.map((c) => c.nativeId)).toEqual(expected.map((c) => c.nativeId));
        });
      }
    }

    describeFacetCases(options, () => fixture);
  });
}
