import { describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { capabilitiesOf, FACET_CAPABILITIES, FACET_NAMES, facetOf, facetsOf } from '../../../src/adapters/seam/capabilities.js';
import { CAPABILITIES } from '../../../src/model/enums.js';
import { GatewayError } from '../../../src/model/errors.js';

/** A backend with the core only: it lists and reads campaigns, and has nothing else. */
const core = (): BackendAdapter => ({
  name: 'plain',
  kind: 'PLAIN',
  listCampaigns: async () => ({ items: [], exhaustive: true, hasMore: false, totalCount: 0, recordErrors: [] }),
  getCampaigns: async (ids) => ids.map(() => null),
  close: async () => {},
});

const unused = () => Promise.reject(new Error('not called'));

describe('Backend.capabilities', () => {
  it('is empty for a backend with the core alone', () => {
    expect(capabilitiesOf(core())).toEqual([]);
    expect(facetsOf(core())).toEqual([]);
  });

  it('is one capability per facet present, in the GraphQL enum order, whatever order the facets come in', () => {
    const adapter: BackendAdapter = {
      ...core(),
      deliveryStats: { read: unused },
      campaignDelete: { delete: unused },
      touchpoints: { list: unused, get: unused, validate: unused },
      campaignCreate: { create: unused },
    };
    expect(capabilitiesOf(adapter)).toEqual(['CAMPAIGN_CREATE', 'CAMPAIGN_DELETE', 'TOUCHPOINTS', 'DELIVERY_STATS']);
    expect(facetsOf(adapter)).toEqual(['campaignCreate', 'campaignDelete', 'touchpoints', 'deliveryStats']);
  });

  it('has SEARCH and SCHEDULING only from the behaviours no method shows', () => {
    expect(capabilitiesOf({ ...core(), behaviours: { pushedDownSearch: true } })).toEqual(['SEARCH']);
    expect(capabilitiesOf({ ...core(), behaviours: { scheduling: true } })).toEqual(['SCHEDULING']);
    expect(capabilitiesOf({ ...core(), behaviours: { pushedDownSearch: false, scheduling: false } })).toEqual([]);
  });

  it('gains nothing from listing enrollments, which no capability names (v2 lists who is enrolled but cannot enroll)', () => {
    expect(capabilitiesOf({ ...core(), enrollmentList: { list: unused } })).toEqual([]);
    expect(capabilitiesOf({ ...core(), enrollment: { enroll: unused } })).toEqual(['ENROLLMENT']);
  });

  it('can name every capability: each is a facet or a behaviour, and no two facets share one', () => {
    const fromFacets = FACET_NAMES.map((name) => FACET_CAPABILITIES[name].capability).filter((capability) => capability !== null);
    expect(new Set(fromFacets).size).toBe(fromFacets.length);
    expect([...fromFacets, 'SEARCH', 'SCHEDULING'].sort()).toEqual([...CAPABILITIES].sort());
  });
});

describe('facetOf', () => {
  it('answers the facet a backend has, to be called as it is', async () => {
    const adapter: BackendAdapter = { ...core(), execution: { execute: async () => ({ executed: true, executionId: 'x1' }) } };
    await expect(facetOf(adapter, 'execution').execute('c1', { contactId: 'ct_1' }, {})).resolves.toEqual({ executed: true, executionId: 'x1' });
  });

  it('is UNSUPPORTED naming the backend and the capability for a facet the backend lacks', () => {
    let error: unknown;
    try {
      facetOf(core(), 'touchpointWrites');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED', backend: 'plain', message: 'backend "plain" does not support editing touchpoints (TOUCHPOINT_WRITE)' });
  });
});
