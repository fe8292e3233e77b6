import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import type { CampaignListQuery } from '../../../src/adapters/seam/campaign-list.js';
import type { CampaignOrder } from '../../../src/model/campaign-query.js';
import { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import * as api from '../../../src/adapters/schema-type/client.js';
import { schemaTypeAdapter } from '../../../src/adapters/schema-type/index.js';
import { listCampaigns } from '../../../src/gateway/campaign-list.js';
import { comparePositions, sortPosition } from '../../../src/model/campaign-order.js';
import { GatewayError } from '../../../src/model/errors.js';
import type { Campaign } from '../../../src/model/unified.js';
import { startSchemaTypeBackend, type SchemaTypeReferenceBackend } from '../../../src/reference-backends/schema-type/index.js';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { describeAdapterConformance, walkCampaigns } from '../../conformance/adapter-conformance.js';
import { call, validData } from '../../reference-backends/schema-type/http.js';
import { adapterFor, BACKEND, CAMPAIGNS, startFakeService, wireRecord, type FakeService } from './fixtures.js';
import { facetOf } from '../../../src/adapters/seam/capabilities.js';
import { definitionOfKind } from '../../support/backend-kinds.js';

describeAdapterConformance(definitionOfKind('schemaType'), {
  async setup() {
    const backend = await startSchemaTypeBackend();
    const adapter = schemaTypeAdapter.create(
      { ...backend.configEntry(BACKEND), timeoutMs: 2000, retries: 1, maxConnections: 4 },
      { logger: pino({ level: 'silent' }) },
    );
    return { adapter, backend };
  },
  sample: {
    nativeId: 'cmp_appt_confirm',
    expected: {
      backend: BACKEND,
      nativeId: 'cmp_appt_confirm',
      name: 'Appointment Confirmation Calls',
      description: 'Progressive calls and SMS confirming next-day appointments.',
      status: 'ACTIVE',
      rawStatus: null,
      // useForSMS and useForProgressive (a voice dialing mode) are on; useForOutbound is not.
      channels: ['SMS', 'VOICE'],
      createdAt: '2026-03-06T10:14:00.000Z',
      updatedAt: '2026-03-06T15:14:00.000Z',
      scheduledAt: null,
      enrollmentCount: null,
      deliveryStats: null,
      raw: expect.objectContaining({ campaignId: 'cmp_appt_confirm', _id: expect.any(String), modifiedBy: 'user_scheduling' }),
    },
  },
  unknownNativeId: 'cmp_does_not_exist',
  capabilities: ['CAMPAIGN_CREATE', 'CAMPAIGN_UPDATE', 'CAMPAIGN_DELETE', 'SEARCH'],
  facets: ['campaignCreate', 'campaignUpdate', 'campaignDelete'],
  writes: {
    createCampaign: { name: 'Conformance Probe', type: 'PERSONAL', workflowId: 'wf_conformance', channels: ['EMAIL'], senders: { emailFrom: 'probe@example.com' } },
    updateCampaign: { name: 'Conformance Probe (renamed)', description: 'Renamed by the shared suite' },
  },
});

const CREATED_DESC: CampaignOrder = { field: 'CREATED_AT', direction: 'DESC' };
const listQuery = (overrides: Partial<CampaignListQuery> = {}): CampaignListQuery => ({
  order: CREATED_DESC,
  filter: {},
  after: null,
  resume: null,
  limit: 21,
  ...overrides,
});
const searches = (backend: SchemaTypeReferenceBackend) => backend.requests.list({ method: 'GET', path: CAMPAIGNS });

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('schemaType adapter: list push-down', () => {
  let backend: SchemaTypeReferenceBackend;
  let adapter: BackendAdapter;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend();
    adapter = adapterFor(backend);
  });
  afterAll(async () => {
    await adapter.close();
    await backend.close();
  });
  beforeEach(() => backend.requests.clear());

  it('sends nameContains as a wildcard q and the order as the native sort, with the exact total', async () => {
    const result = await adapter.listCampaigns(listQuery({ filter: { nameContains: 'Promo' } }), {});
    expect(searches(backend).map((r) => r.query)).toEqual([{ q: 'name:*Promo*', sort: 'createdAt desc', rows: '100', start: '0' }]);
    expect(result.items.map((i) => i.campaign.name)).toEqual(['Holiday Promo Early Access']);
    expect(result).toMatchObject({ exhaustive: true, hasMore: false, totalCount: 1, recordErrors: [] });
  });

  it('sorts UPDATED_AT by modifiedAt in the asked direction', async () => {
    const result = await adapter.listCampaigns(listQuery({ order: { field: 'UPDATED_AT', direction: 'ASC' } }), {});
    expect(searches(backend)[0]!.query.sort).toBe('modifiedAt asc');
    const updated = result.items.map((i) => i.campaign.updatedAt!);
    expect(updated).toEqual([...updated].sort());
  });

  it('keeps *, : and quotes out of q; the adapter filters those names itself', async () => {
    for (const nameContains of ['Promo*', 'name:Holiday', '"Promo"', 'Early\\']) {
      backend.requests.clear();
      const result = await adapter.listCampaigns(listQuery({ filter: { nameContains } }), {});
      expect(searches(backend)[0]!.query.q, nameContains).toBeUndefined();
      expect(result.items, nameContains).toEqual([]);
      expect(result.totalCount, nameContains).toBe(0);
    }
  });

  it('turns a multi-word term into one wildcard term per word; AND in it cannot become an operator', async () => {
    const created = (await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'Salt AND Pepper Promo' }) })).body;
    try {
      backend.requests.clear();
      const result = await adapter.listCampaigns(listQuery({ filter: { nameContains: 'lt AND pep' } }), {});
      expect(searches(backend)[0]!.query.q).toBe('name:*lt* AND name:*pep*');
      expect(result.items.map((i) => i.campaign.nativeId)).toEqual([created.campaignId]);
      const noMatch = await adapter.listCampaigns(listQuery({ filter: { nameContains: 'Salt Pepper' } }), {});
      // The superset query finds it; the exact filter does not keep it.
      expect(noMatch.items).toEqual([]);
    } finally {
      await call(backend, 'DELETE', `${CAMPAIGNS}/${created.campaignId}`);
    }
  });

  it('answers a status filter without ACTIVE with nothing, without calling the backend', async () => {
    const result = await adapter.listCampaigns(listQuery({ filter: { status: ['PAUSED', 'DRAFT'] } }), {});
    expect(result).toEqual({ items: [], exhaustive: true, hasMore: false, totalCount: 0, recordErrors: [] });
    expect(backend.requests.count()).toBe(0);
    const active = await adapter.listCampaigns(listQuery({ filter: { status: ['ACTIVE', 'PAUSED'] } }), {});
    expect(active.items).toHaveLength(10);
  });

  it('filters channels and creation bounds itself and still returns `limit` matches', async () => {
    const filter = { channels: ['VOICE' as const], createdAfter: '2026-02-01T00:00:00.000Z' };
    const result = await adapter.listCampaigns(listQuery({ filter, limit: 2 }), {});
    expect(searches(backend)[0]!.query.q).toBeUndefined();
    // Newest first: storm outage (voice), holiday (no voice), win-back (no voice), …, CSAT survey (voice).
    expect(result.items.map((i) => i.campaign.nativeId)).toEqual(['cmp_storm_outage', 'cmp_csat_survey']);
    expect(result).toMatchObject({ exhaustive: false, hasMore: true, totalCount: null });
    const more = await adapter.listCampaigns(listQuery({ filter, limit: 10 }), {});
    expect(more.items.map((i) => i.campaign.nativeId)).toEqual(['cmp_storm_outage', 'cmp_csat_survey', 'cmp_appt_confirm', 'cmp_past_due_outreach']);
    expect(more).toMatchObject({ exhaustive: true, hasMore: false });
  });

  it('reads every page sorted by name for the NAME order and answers exhaustively', async () => {
    const small = adapterFor(backend, {}, { pageRows: 3 });
    try {
      backend.requests.clear();
      const result = await small.listCampaigns(listQuery({ order: { field: 'NAME', direction: 'DESC' }, limit: 2 }), {});
      expect(searches(backend).map((r) => [r.query.sort, r.query.start])).toEqual([
        ['name asc', '0'],
        ['name asc', '3'],
        ['name asc', '6'],
        ['name asc', '9'],
      ]);
      expect(result).toMatchObject({ exhaustive: true, hasMore: false, totalCount: 10 });
      expect(result.items).toHaveLength(10);
      expect(result.items.every((i) => i.resume === null)).toBe(true);
    } finally {
      await small.close();
    }
  });
});

describe('schemaType adapter: paging with resume tokens across ties', () => {
  let clock: ManualClock;
  let backend: SchemaTypeReferenceBackend;
  let adapter: BackendAdapter;
  const names: string[] = [];
  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2026, 5, 1));
    backend = await startSchemaTypeBackend({ seed: false, clock });
    adapter = adapterFor(backend, {}, { pageRows: 2 });
    // Creation times in groups: 3 tied, 1, 2 tied, 1, 3 tied.
    names.length = 0;
    for (const size of [3, 1, 2, 1, 3]) {
      for (let i = 0; i < size; i++) {
        const name = `Tie ${names.length}`;
        names.push(name);
        await call(backend, 'POST', CAMPAIGNS, { data: validData({ name }) });
      }
      clock.advance(60_000);
    }
    backend.requests.clear();
  });
  afterEach(async () => {
    await adapter.close();
    await backend.close();
  });

  for (const order of [
    { field: 'CREATED_AT', direction: 'DESC' },
    { field: 'CREATED_AT', direction: 'ASC' },
    { field: 'UPDATED_AT', direction: 'DESC' },
  ] as CampaignOrder[]) {
    for (const pageSize of [1, 2, 4]) {
      it(`walks every campaign once in order by ${order.field} ${order.direction}, ${pageSize} per page`, async () => {
        const walked = await walkCampaigns(adapter, order, pageSize);
        expect(walked).toHaveLength(10);
        const expected = [...walked].sort((a, b) => comparePositions(sortPosition(a, order), sortPosition(b, order), order.direction));
        expect(walked.map((c) => c.nativeId)).toEqual(expected.map((c) => c.nativeId));
        expect(new Set(walked.map((c) => c.nativeId)).size).toBe(10);
      });
    }
  }

  it('gives every campaign of a tie group the offset where its group starts', async () => {
    const result = await adapter.listCampaigns(listQuery({ order: { field: 'CREATED_AT', direction: 'ASC' }, limit: 100 }), {});
    const byName = new Map(result.items.map((i) => [i.campaign.name, i.resume]));
    const expected = ['0', '0', '0', '3', '4', '4', '6', '7', '7', '7'];
    expect(names.map((name) => byName.get(name))).toEqual(expected);
  });

  it('resumes at the token instead of re-reading from the start', async () => {
    const order: CampaignOrder = { field: 'CREATED_AT', direction: 'ASC' };
    const first = await listCampaigns([adapter], { first: 4, after: null, order, filter: {} }, {});
    backend.requests.clear();
    const second = await listCampaigns([adapter], { first: 4, after: first.pageInfo.endCursor, order, filter: {} }, {});
    expect(first.edges.map((e) => e.node.name).sort()).toEqual(names.slice(0, 4));
    const secondNames = second.edges.map((e) => e.node.name);
    expect(secondNames.slice(0, 3).sort()).toEqual(names.slice(4, 7));
    // The last one is whichever of the tied group 7–9 has the smallest global id.
    expect(names.slice(7)).toContain(secondNames[3]);
    // The 4th campaign (a group of its own) started at offset 3: the next read begins one record before it.
    expect(searches(backend)[0]!.query.start).toBe('2');
    expect(searches(backend).every((r) => r.query.sort === 'createdAt asc')).toBe(true);
  });

  it('reads the whole tie group of the limit-th match before it stops', async () => {
    const result = await adapter.listCampaigns(listQuery({ order: { field: 'CREATED_AT', direction: 'ASC' }, limit: 1 }), {});
    expect(result.items.map((i) => i.campaign.name).sort()).toEqual(names.slice(0, 3));
    expect(result).toMatchObject({ exhaustive: false, hasMore: true, totalCount: 10 });
  });

  it('steps back when campaigns deleted before the resume offset moved the rest up', async () => {
    const order: CampaignOrder = { field: 'CREATED_AT', direction: 'ASC' };
    const first = await listCampaigns([adapter], { first: 5, after: null, order, filter: {} }, {});
    for (const edge of first.edges.slice(0, 4)) await call(backend, 'DELETE', `${CAMPAIGNS}/${edge.node.nativeId}`);
    const rest: Campaign[] = [];
    let after = first.pageInfo.endCursor;
    for (let i = 0; i < 10 && after; i++) {
      const page = await listCampaigns([adapter], { first: 2, after, order, filter: {} }, {});
      rest.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    const handedOut = new Set(first.edges.map((e) => e.node.name));
    expect(rest.map((c) => c.name).sort()).toEqual(names.filter((n) => !handedOut.has(n)).sort());
  });
});

describe('schemaType adapter: credentials', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({ tokens: { 'st-read-only': ['campaigns:read'], 'st-write-only': ['campaigns:write'] } });
  });
  afterAll(() => backend.close());

  it('surfaces a missing read scope (403) on a list and a lookup as BACKEND_UNAUTHORIZED', async () => {
    const writeOnly = adapterFor(backend, { token: 'st-write-only' });
    try {
      await expect(writeOnly.listCampaigns(listQuery(), {})).rejects.toMatchObject({ code: 'BACKEND_UNAUTHORIZED', upstreamStatus: 403 });
      const [lookup] = await writeOnly.getCampaigns(['cmp_q1_renewals'], {});
      expect(lookup).toMatchObject({ code: 'BACKEND_UNAUTHORIZED', backend: BACKEND });
    } finally {
      await writeOnly.close();
    }
  });

  it('surfaces a missing scope (403) as BACKEND_UNAUTHORIZED and still reads with a read-only token', async () => {
    const readOnly = adapterFor(backend, { token: 'st-read-only' });
    try {
      const listed = await readOnly.listCampaigns(listQuery(), {});
      expect(listed.items).toHaveLength(10);
      const created = await failure(facetOf(readOnly, 'campaignCreate').create({ name: 'Not Allowed', workflowId: 'wf_x' }, {}));
      expect(created).toMatchObject({ code: 'BACKEND_UNAUTHORIZED', backend: BACKEND, upstreamStatus: 403 });
      const deleted = await failure(facetOf(readOnly, 'campaignDelete').delete('cmp_q1_renewals', {}));
      expect(deleted).toMatchObject({ code: 'BACKEND_UNAUTHORIZED', upstreamStatus: 403 });
      expect(created.message).not.toContain('st-read-only');
      expect((await call(backend, 'GET', `${CAMPAIGNS}/cmp_q1_renewals`)).status).toBe(200);
    } finally {
      await readOnly.close();
    }
  });

  it('needs the right tenant: another X-Tenant-Id is refused', async () => {
    const otherTenant = adapterFor(backend, { tenantId: 't_fghij' });
    try {
      await expect(otherTenant.listCampaigns(listQuery(), {})).rejects.toMatchObject({ code: 'BACKEND_UNAUTHORIZED', upstreamStatus: 401 });
    } finally {
      await otherTenant.close();
    }
  });

  it('sends the bearer token and the tenant header on every request', async () => {
    const fake = await startFakeService(() => ({ status: 200, body: { total: 0, start: 0, rows: 100, results: [] } }));
    const adapter = adapterFor(fake, { tenantId: 't_zzz', token: 'secret-token-1' });
    try {
      await adapter.listCampaigns(listQuery(), {});
      await adapter.getCampaigns(['cmp_x'], {});
      expect(fake.seen).toHaveLength(2);
      for (const request of fake.seen) {
        expect(request.headers.authorization).toBe('Bearer secret-token-1');
        expect(request.headers['x-tenant-id']).toBe('t_zzz');
      }
      expect(fake.seen[1]!.url.pathname).toBe(`${CAMPAIGNS}/cmp_x`);
    } finally {
      await adapter.close();
      await fake.close();
    }
  });
});

describe('schemaType adapter: writes', () => {
  let backend: SchemaTypeReferenceBackend;
  let adapter: BackendAdapter;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend();
    adapter = adapterFor(backend);
  });
  afterAll(async () => {
    await adapter.close();
    await backend.close();
  });
  beforeEach(() => backend.requests.clear());

  it('creates, reads back, updates and deletes a campaign', async () => {
    const created = await facetOf(adapter, 'campaignCreate').create(
      {
        name: 'Winter Readiness Calls',
        description: 'Voice and email reminders.',
        type: 'PERSONAL',
        workflowId: 'wf_winter',
        channels: ['EMAIL', 'VOICE', 'SMS', 'FAX'],
        senders: { emailFrom: 'winter@example.com', callerId: '+18005550000', smsFrom: '8885550000' },
      },
      {},
    );
    expect(created).toMatchObject({
      backend: BACKEND,
      name: 'Winter Readiness Calls',
      description: 'Voice and email reminders.',
      status: 'ACTIVE',
      rawStatus: null,
      channels: ['EMAIL', 'SMS', 'VOICE', 'FAX'],
      scheduledAt: null,
    });
    expect(created.nativeId).toMatch(/^cmp_/);
    const [read] = await adapter.getCampaigns([created.nativeId], {});
    expect(read).toEqual(created);

    const stored = await call(backend, 'GET', `${CAMPAIGNS}/${created.nativeId}`);
    expect(stored.body).toMatchObject({
      type: 'PERSONAL',
      workflowId: 'wf_winter',
      useForEmail: true,
      useForSMS: true,
      useForOutbound: true,
      useForFax: true,
      useForPredictive: false,
      emailFromAddress: 'winter@example.com',
      smsFromAddress: '8885550000',
      callerId: '+18005550000',
    });
    const post = backend.requests.list({ method: 'POST' });
    expect(post).toHaveLength(1);

    const updated = await facetOf(adapter, 'campaignUpdate').update(created.nativeId, { name: 'Winter Readiness Calls v2', description: null }, {});
    expect(updated).toMatchObject({ nativeId: created.nativeId, name: 'Winter Readiness Calls v2', description: null });
    expect((await call(backend, 'GET', `${CAMPAIGNS}/${created.nativeId}`)).body).toMatchObject({
      name: 'Winter Readiness Calls v2',
      description: '',
    });

    await facetOf(adapter, 'campaignDelete').delete(created.nativeId, {});
    expect(await adapter.getCampaigns([created.nativeId], {})).toEqual([null]);
    expect((await call(backend, 'GET', `${CAMPAIGNS}/${created.nativeId}`)).status).toBe(404);
  });

  it('defaults type to DEFAULT and sends no flags for no channels', async () => {
    const created = await facetOf(adapter, 'campaignCreate').create({ name: 'Plain Campaign', workflowId: 'wf_plain' }, {});
    try {
      expect(created.channels).toEqual([]);
      expect(created.description).toBeNull();
      expect(created.raw).toMatchObject({ type: 'DEFAULT', useForEmail: false });
    } finally {
      await facetOf(adapter, 'campaignDelete').delete(created.nativeId, {});
    }
  });

  it('an update with nothing to change is BAD_USER_INPUT and sends nothing (no read through a write)', async () => {
    const error = await failure(facetOf(adapter, 'campaignUpdate').update('cmp_spring_upsell', { name: null }, {}));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', backend: BACKEND });
    expect(backend.requests.count()).toBe(0);
  });

  it.each([
    ['scheduledAt', { scheduledAt: '2026-07-01T00:00:00.000Z' }],
    ['endsAt', { endsAt: '2026-07-01T00:00:00.000Z' }],
    ['recipients', { recipients: [{ contactId: 'c1' }] }],
    ['templateId', { templateId: 'tpl_1' }],
    ['message', { message: 'Hello' }],
    ['payload', { payload: '{}' }],
    ['settings', { settings: { a: 1 } }],
  ])('refuses create field %s it cannot hold, before calling the backend', async (field, extra) => {
    const error = await failure(facetOf(adapter, 'campaignCreate').create({ name: 'Refused', workflowId: 'wf_x', ...extra }, {}));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}`, backend: BACKEND });
    expect(error.message).toContain(field);
    expect(backend.requests.count()).toBe(0);
  });

  it.each([
    ['status', { status: 'PAUSED' as const }],
    ['scheduledAt', { scheduledAt: '2026-07-01T00:00:00.000Z' }],
    ['endsAt', { endsAt: '2026-07-01T00:00:00.000Z' }],
    ['settings', { settings: {} }],
  ])('refuses update field %s it cannot hold, before calling the backend', async (field, input) => {
    const error = await failure(facetOf(adapter, 'campaignUpdate').update('cmp_spring_upsell', input, {}));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    expect(backend.requests.count()).toBe(0);
  });

  it.each([
    ['a channel it has no flag for', { channels: ['WHATSAPP' as const] }, 'input.channels', 'WHATSAPP'],
    ['EMAIL without senders.emailFrom', { channels: ['EMAIL' as const] }, 'input.senders.emailFrom', 'senders.emailFrom is required'],
    ['SMS without senders.smsFrom', { channels: ['SMS' as const], senders: { smsFrom: ' ' } }, 'input.senders.smsFrom', 'smsFrom'],
    ['VOICE without senders.callerId', { channels: ['VOICE' as const] }, 'input.senders.callerId', 'callerId'],
    ['a missing workflowId', { workflowId: undefined }, 'input.workflowId', 'workflowId is required'],
    ['a blank name', { name: '  ' }, 'input.name', 'name is required'],
    ['a type that is not DEFAULT or PERSONAL', { type: 'BROADCAST' }, 'input.type', 'type must be DEFAULT or PERSONAL'],
  ])('refuses %s before calling the backend', async (_, extra, field, message) => {
    const error = await failure(facetOf(adapter, 'campaignCreate').create({ name: 'Invalid', workflowId: 'wf_x', ...extra }, {}));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(message);
    expect(backend.requests.count()).toBe(0);
  });

  it('maps a duplicate name (any case) to CONFLICT with the backend message, on create and on rename', async () => {
    const created = await failure(facetOf(adapter, 'campaignCreate').create({ name: 'q1 renewal reminders', workflowId: 'wf_x' }, {}));
    expect(created).toMatchObject({ code: 'CONFLICT', backend: BACKEND });
    expect(created.message).toContain('name must be unique within a tenant');
    const renamed = await failure(facetOf(adapter, 'campaignUpdate').update('cmp_spring_upsell', { name: 'Q1 Renewal Reminders' }, {}));
    expect(renamed).toMatchObject({ code: 'CONFLICT' });
    expect(renamed.message).toContain('name must be unique within a tenant');
  });

  it('answers NOT_FOUND for mutations on unknown or deleted ids', async () => {
    await expect(facetOf(adapter, 'campaignUpdate').update('cmp_nope', { name: 'X' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND', backend: BACKEND });
    await expect(facetOf(adapter, 'campaignDelete').delete('cmp_nope', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(facetOf(adapter, 'campaignDelete').delete('cmp_old_promo', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never sends a mutation twice when the backend answers 500', async () => {
    const victim = await facetOf(adapter, 'campaignCreate').create({ name: 'Fault Target', workflowId: 'wf_x' }, {});
    const attempts: [string, () => Promise<unknown>][] = [
      ['POST', () => facetOf(adapter, 'campaignCreate').create({ name: 'Fault Create', workflowId: 'wf_x' }, {})],
      ['PATCH', () => facetOf(adapter, 'campaignUpdate').update(victim.nativeId, { description: 'changed' }, {})],
      ['DELETE', () => facetOf(adapter, 'campaignDelete').delete(victim.nativeId, {})],
    ];
    for (const [method, attempt] of attempts) {
      backend.requests.clear();
      await backend.faults.set({ kind: 'status500', times: 1 });
      await expect(attempt(), method).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      expect(backend.requests.count({ method }), method).toBe(1);
    }
    await facetOf(adapter, 'campaignDelete').delete(victim.nativeId, {});
  });
});

describe('schemaType adapter: the service validation rules, as the backend words them', () => {
  let backend: SchemaTypeReferenceBackend;
  let http: BackendHttpClient;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend();
    http = new BackendHttpClient({
      backend: BACKEND,
      baseUrl: backend.url,
      headers: { authorization: `Bearer ${backend.credentials.token}`, 'x-tenant-id': backend.credentials.tenantId },
    });
  });
  afterAll(async () => {
    await http.close();
    await backend.close();
  });

  const valid = { name: 'Rule Check', type: 'DEFAULT', workflowId: 'wf_rules' };
  it.each([
    ['a blank name', { name: ' ' }, 'input.name', 'name is required'],
    ['a missing workflowId', { workflowId: undefined }, 'input.workflowId', 'workflowId is required'],
    ['an unknown type', { type: 'BROADCAST' }, 'input.type', 'type must be DEFAULT or PERSONAL'],
    ['useForSMS without smsFromAddress', { useForSMS: true }, 'input.senders.smsFrom', 'smsFromAddress is required when useForSMS is true'],
    ['useForEmail without emailFromAddress', { useForEmail: true }, 'input.senders.emailFrom', 'emailFromAddress is required when useForEmail is true'],
    ['useForOutbound without callerId', { useForOutbound: true }, 'input.senders.callerId', 'callerId is required when useForOutbound is true'],
    ['createdAt not in Unix milliseconds', { createdAt: '2026-01-01' }, undefined, 'createdAt must be a Unix timestamp in milliseconds'],
  ])('maps %s to BAD_USER_INPUT with its input path and the backend message', async (_, extra, field, message) => {
    const data = { ...valid, ...extra } as Record<string, unknown>;
    const error = await failure(api.createCampaign({ http, pageRows: 100 }, data, {}));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', backend: BACKEND, field, upstreamStatus: 400 });
    expect(error.message).toContain(message);
  });

  it('keeps every message when the backend lists several errors, naming the first field', async () => {
    const error = await failure(api.createCampaign({ http, pageRows: 100 }, { type: 'DEFAULT' }, {}));
    expect(error.field).toBe('input.name');
    expect(error.message).toContain('name is required; workflowId is required');
  });
});

describe('schemaType adapter: wire shapes the reference backend never sends', () => {
  let fake: FakeService;
  let adapter: BackendAdapter;
  let answer: (url: URL) => { status: number; body?: unknown };
  beforeAll(async () => {
    fake = await startFakeService((request) => answer(request.url));
    adapter = adapterFor(fake);
  });
  afterAll(async () => {
    await adapter.close();
    await fake.close();
  });

  it('leaves out a record that breaks the wire schema with a BACKEND_ERROR naming the backend; the rest stands', async () => {
    const results = [
      wireRecord({ campaignId: 'cmp_good_1', createdAt: 3000 }),
      wireRecord({ campaignId: 'cmp_bad', createdAt: '2026-01-01T00:00:00Z' }),
      wireRecord({ campaignId: undefined, _id: 'x' }),
      wireRecord({ campaignId: 'cmp_good_2', createdAt: 1000, extraField: { kept: true } }),
    ];
    answer = () => ({ status: 200, body: { total: 4, start: 0, rows: 100, results, facets: {} } });
    const result = await adapter.listCampaigns(listQuery(), {});
    expect(result.items.map((i) => i.campaign.nativeId)).toEqual(['cmp_good_1', 'cmp_good_2']);
    expect(result.recordErrors).toHaveLength(2);
    for (const error of result.recordErrors) expect(error).toMatchObject({ code: 'BACKEND_ERROR', backend: BACKEND });
    expect(result.recordErrors[0]!.message).toContain('cmp_bad');
    expect(result.items[1]!.campaign.raw).toMatchObject({ extraField: { kept: true } });
  });

  it('gives a broken record read by id as an Error in its place', async () => {
    answer = (url) =>
      url.pathname.endsWith('cmp_bad')
        ? { status: 200, body: { campaignId: 'cmp_bad', name: 42 } }
        : url.pathname.endsWith('cmp_ok')
          ? { status: 200, body: wireRecord({ campaignId: 'cmp_ok' }) }
          : { status: 404, body: { message: 'not found' } };
    const [bad, ok, missing] = await adapter.getCampaigns(['cmp_bad', 'cmp_ok', 'cmp_gone'], {});
    expect(bad).toBeInstanceOf(GatewayError);
    expect(bad).toMatchObject({ code: 'BACKEND_ERROR', backend: BACKEND });
    expect(ok).toMatchObject({ nativeId: 'cmp_ok', status: 'ACTIVE' });
    expect(missing).toBeNull();
  });

  it('has no status word: a record with an unexpected status field stays ACTIVE with rawStatus null, the field kept in raw', async () => {
    answer = () => ({ status: 200, body: wireRecord({ campaignId: 'cmp_odd', status: 'PAUSED' }) });
    const [campaign] = await adapter.getCampaigns(['cmp_odd'], {});
    expect(campaign).toMatchObject({ status: 'ACTIVE', rawStatus: null, raw: { status: 'PAUSED' } });
  });

  it('searches again without q when the service refuses the pushed-down query', async () => {
    answer = (url) =>
      url.searchParams.has('q')
        ? { status: 400, body: { message: 'validation failed', errors: [{ field: 'q', message: 'bad query' }] } }
        : { status: 200, body: { total: 1, start: 0, rows: 100, results: [wireRecord({ campaignId: 'cmp_promo', name: 'Big Promo' })] } };
    const result = await adapter.listCampaigns(listQuery({ filter: { nameContains: 'promo' } }), {});
    expect(result.items.map((i) => i.campaign.nativeId)).toEqual(['cmp_promo']);
    expect(result.recordErrors).toEqual([]);
  });

  it('fails a list whose answer is not a search page with BACKEND_ERROR', async () => {
    answer = () => ({ status: 200, body: { items: [] } });
    await expect(adapter.listCampaigns(listQuery(), {})).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: BACKEND });
  });

  it('stops paging when a page comes back empty before the reported total', async () => {
    answer = (url) => ({
      status: 200,
      body: { total: 50, results: url.searchParams.get('start') === '0' ? [wireRecord({ campaignId: 'cmp_only' })] : [] },
    });
    const result = await adapter.listCampaigns(listQuery({ limit: 5 }), {});
    expect(result.items.map((i) => i.campaign.nativeId)).toEqual(['cmp_only']);
    expect(result.hasMore).toBe(false);
  });
});
