import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/reference-backends/shared/clock.js';
import { startSchemaTypeBackend, type SchemaTypeReferenceBackend } from '../../src/reference-backends/schema-type/index.js';
import { CAMPAIGNS, call, search, validData } from './schema-type/http.js';

const NOW = Date.UTC(2026, 5, 1);
const OBJECT_ID = /^[0-9a-f]{24}$/;
const validationFailed = (...errors: Array<{ field: string; message: string }>) => ({ message: 'validation failed', errors });

describe('schema-type reference backend: identity and seed', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({});
  });
  afterAll(() => backend.close());

  it('describes itself as a schemaType config entry with tenant and token', () => {
    expect(backend.kind).toBe('schemaType');
    expect(backend.credentials).toEqual({ tenantId: 't_abcde', token: 'st-demo-token' });
    expect(backend.configEntry('contact-center')).toEqual({
      name: 'contact-center',
      kind: 'schemaType',
      baseUrl: backend.url,
      tenantId: 't_abcde',
      token: 'st-demo-token',
    });
  });

  it('seeds ten live campaigns of the tenant with the interleaved creation dates', async () => {
    const answer = await search(backend, { rows: 100, sort: 'createdAt asc' });
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(10);
    const day = 86_400_000;
    const createdAt = answer.body.results.map((c: any) => c.createdAt);
    expect(createdAt).toEqual(
      Array.from({ length: 10 }, (_, i) => Date.UTC(2026, 0, 5, 9, 0, 0) + (i * 4 + 2) * 6 * day + 2 * 37 * 60_000),
    );
    for (const campaign of answer.body.results) {
      expect(campaign._id).toMatch(OBJECT_ID);
      expect(campaign.campaignId).toMatch(/^cmp_/);
      expect(campaign.modifiedAt).toBeGreaterThan(campaign.createdAt);
      expect(campaign).toMatchObject({ deletedAt: 0, tenantId: 't_abcde', objectType: 'campaign' });
    }
  });

  it('mixes email, SMS, voice and fax channels and both types in the seed', async () => {
    const { body } = await search(backend, { rows: 100 });
    const some = (flag: string) => body.results.some((c: any) => c[flag] === true);
    for (const flag of ['useForEmail', 'useForSMS', 'useForOutbound', 'useForPredictive', 'useForProgressive', 'useForFax']) {
      expect(some(flag), flag).toBe(true);
    }
    expect(new Set(body.results.map((c: any) => c.type))).toEqual(new Set(['DEFAULT', 'PERSONAL']));
  });

  it('starts with the same ids every time, and empty with seed: false', async () => {
    const again = await startSchemaTypeBackend({});
    const empty = await startSchemaTypeBackend({ seed: false });
    try {
      const ids = async (b: SchemaTypeReferenceBackend) =>
        (await search(b, { rows: 100 })).body.results.map((c: any) => [c._id, c.campaignId]);
      expect(await ids(again)).toEqual(await ids(backend));
      expect(await search(empty)).toMatchObject({ status: 200, body: { total: 0, start: 0, rows: 10, results: [] } });
    } finally {
      await again.close();
      await empty.close();
    }
  });
});

describe('schema-type reference backend: create, retrieve, update, delete', () => {
  const clock = new ManualClock(NOW);
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({ clock });
  });
  afterAll(() => backend.close());

  it('creates a campaign with server-set ids, times, tenant and defaults for every field', async () => {
    const answer = await call(backend, 'POST', CAMPAIGNS, {
      data: {
        name: 'Holiday Promo 2024',
        description: 'SMS campaign for holiday season promotions.',
        type: 'DEFAULT',
        smsFromAddress: '8885551212',
        workflowId: 'wf_holiday_promo',
        useForSMS: true,
        tenantId: 't_someone_else',
        createdAt: 1672531200000,
        createdBy: 'user_marketing',
        objectType: 'something',
        deletedAt: 5,
        unknownField: 'dropped',
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body._id).toMatch(OBJECT_ID);
    expect(answer.body.campaignId).toMatch(/^cmp_[0-9a-f]+$/);
    expect(answer.body).toEqual({
      _id: answer.body._id,
      campaignId: answer.body.campaignId,
      name: 'Holiday Promo 2024',
      description: 'SMS campaign for holiday season promotions.',
      type: 'DEFAULT',
      callerId: '',
      smsFromAddress: '8885551212',
      emailFromAddress: '',
      workflowId: 'wf_holiday_promo',
      createdAt: NOW,
      createdBy: 'user_marketing',
      modifiedAt: NOW,
      modifiedBy: 'user_marketing',
      deletedAt: 0,
      useForEmail: false,
      useForSMS: true,
      useForOutbound: false,
      useForFax: false,
      useForExtension: false,
      useForPredictive: false,
      useForProgressive: false,
      enableRealtimeTranscription: false,
      recordingAnalysisPercentage: 0,
      recordingPromptId: '',
      supervisor: [],
      dispositions: {},
      emailAccounts: [],
      tenantId: 't_abcde',
      objectType: 'campaign',
    });
  });

  it('keeps a given campaignId and retrieves by campaignId or _id', async () => {
    const created = await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'Keep Id', campaignId: 'cmp_keep_id' }) });
    expect(created.status).toBe(201);
    expect(created.body.campaignId).toBe('cmp_keep_id');
    const byPublicId = await call(backend, 'GET', `${CAMPAIGNS}/cmp_keep_id`);
    const byObjectId = await call(backend, 'GET', `${CAMPAIGNS}/${created.body._id}`);
    expect(byPublicId).toMatchObject({ status: 200, body: created.body });
    expect(byObjectId).toMatchObject({ status: 200, body: created.body });
  });

  it('refuses a campaignId already used by a live campaign of the tenant', async () => {
    const answer = await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'Other', campaignId: 'cmp_q1_renewals' }) });
    expect(answer).toMatchObject({ status: 409, body: { message: 'campaignId must be unique within a tenant' } });
  });

  it('retrieves a seed campaign with all of its fields', async () => {
    const answer = await call(backend, 'GET', `${CAMPAIGNS}/cmp_past_due_outreach`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      campaignId: 'cmp_past_due_outreach',
      name: 'Past-Due Balance Outreach',
      useForOutbound: true,
      useForPredictive: true,
      callerId: '+18005550142',
      dispositions: { PAID: 'Payment taken' },
      supervisor: [{ userId: 'user_ops_lead' }],
    });
  });

  it('patches part of a campaign, answers the whole object and sets modifiedAt', async () => {
    const before = (await call(backend, 'GET', `${CAMPAIGNS}/cmp_spring_upsell`)).body;
    clock.advance(60_000);
    const answer = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_spring_upsell`, {
      data: { description: 'Now with SMS.', useForSMS: true, smsFromAddress: '8885550000', modifiedBy: 'user_ops', modifiedAt: 1 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...before,
      description: 'Now with SMS.',
      useForSMS: true,
      smsFromAddress: '8885550000',
      modifiedBy: 'user_ops',
      modifiedAt: NOW + 60_000,
    });
    expect((await call(backend, 'GET', `${CAMPAIGNS}/${before._id}`)).body).toEqual(answer.body);
  });

  it('does not let a patch change ids, tenant, creation or deletion', async () => {
    const before = (await call(backend, 'GET', `${CAMPAIGNS}/cmp_records_fax`)).body;
    const answer = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_records_fax`, {
      data: { _id: 'ffffffffffffffffffffffff', campaignId: 'cmp_new', tenantId: 't_x', objectType: 'x', createdAt: 5, createdBy: 'x', deletedAt: 9 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...before, modifiedAt: clock.now() });
  });

  it('resets an optional field to its default when patched with null', async () => {
    const answer = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_csat_survey`, {
      data: { supervisor: null, recordingAnalysisPercentage: null, enableRealtimeTranscription: null },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ supervisor: [], recordingAnalysisPercentage: 0, enableRealtimeTranscription: false });
  });

  it('soft-deletes: 204 without body, then gone from GET, PATCH, DELETE and search', async () => {
    const created = await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'Short Lived Blast' }) });
    const path = `${CAMPAIGNS}/${created.body.campaignId}`;
    const deleted = await call(backend, 'DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(await call(backend, 'GET', path)).toMatchObject({ status: 404, body: { message: 'not found' } });
    expect(await call(backend, 'GET', `${CAMPAIGNS}/${created.body._id}`)).toMatchObject({ status: 404 });
    expect(await call(backend, 'PATCH', path, { data: { description: 'x' } })).toMatchObject({ status: 404, body: { message: 'not found' } });
    expect(await call(backend, 'DELETE', path)).toMatchObject({ status: 404, body: { message: 'not found' } });
    expect((await search(backend, { q: 'name:"Short Lived Blast"' })).body).toMatchObject({ total: 0, results: [] });
  });

  it('frees the name of a deleted campaign for a new one', async () => {
    const created = await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'HOLIDAY PROMO 2025' }) });
    expect(created.status).toBe(201);
  });

  it('answers 404 for an unknown id', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const answer = await call(backend, method, `${CAMPAIGNS}/cmp_nope`, method === 'PATCH' ? { data: {} } : undefined);
      expect(answer, method).toMatchObject({ status: 404, body: { message: 'not found' } });
    }
  });

  it('answers 404 for an object type other than campaign, on every endpoint', async () => {
    const other = '/api/v1/schema-types/workflow';
    const answers = [
      await call(backend, 'GET', other),
      await call(backend, 'POST', other, { data: validData({ name: 'Workflow Thing' }) }),
      await call(backend, 'GET', `${other}/cmp_q1_renewals`),
      await call(backend, 'PATCH', `${other}/cmp_q1_renewals`, { data: {} }),
      await call(backend, 'DELETE', `${other}/cmp_q1_renewals`),
      await call(backend, 'GET', '/api/v1/elsewhere'),
      await call(backend, 'PUT', `${CAMPAIGNS}/cmp_q1_renewals`, { data: {} }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 404, body: { message: 'not found' } });
    expect((await call(backend, 'GET', `${CAMPAIGNS}/cmp_q1_renewals`)).status).toBe(200);
  });
});

describe('schema-type reference backend: validation', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({});
  });
  afterAll(() => backend.close());

  const create = (data: Record<string, unknown>) => call(backend, 'POST', CAMPAIGNS, { data });

  it.each([
    ['name missing', { name: undefined }, { field: 'name', message: 'name is required' }],
    ['name blank', { name: '   ' }, { field: 'name', message: 'name is required' }],
    ['name not a string', { name: 7 }, { field: 'name', message: 'name must be a string' }],
    ['workflowId missing', { workflowId: undefined }, { field: 'workflowId', message: 'workflowId is required' }],
    ['type missing', { type: undefined }, { field: 'type', message: 'type is required' }],
    ['type unknown', { type: 'BROADCAST' }, { field: 'type', message: 'type must be DEFAULT or PERSONAL' }],
    ['type in lower case', { type: 'default' }, { field: 'type', message: 'type must be DEFAULT or PERSONAL' }],
    ['SMS without address', { useForSMS: true }, { field: 'smsFromAddress', message: 'smsFromAddress is required when useForSMS is true' }],
    ['SMS with blank address', { useForSMS: true, smsFromAddress: ' ' }, { field: 'smsFromAddress', message: 'smsFromAddress is required when useForSMS is true' }],
    ['email without address', { useForEmail: true }, { field: 'emailFromAddress', message: 'emailFromAddress is required when useForEmail is true' }],
    ['outbound without caller id', { useForOutbound: true }, { field: 'callerId', message: 'callerId is required when useForOutbound is true' }],
    ['createdAt as ISO text', { createdAt: '2026-01-01T00:00:00Z' }, { field: 'createdAt', message: 'createdAt must be a Unix timestamp in milliseconds' }],
    ['createdAt fractional', { createdAt: 1672531200000.5 }, { field: 'createdAt', message: 'createdAt must be a Unix timestamp in milliseconds' }],
    ['modifiedAt negative', { modifiedAt: -1 }, { field: 'modifiedAt', message: 'modifiedAt must be a Unix timestamp in milliseconds' }],
    ['flag not a boolean', { useForFax: 'yes' }, { field: 'useForFax', message: 'useForFax must be a boolean' }],
    ['address not a string', { callerId: 18005550100 }, { field: 'callerId', message: 'callerId must be a string' }],
    ['percentage not a number', { recordingAnalysisPercentage: '10' }, { field: 'recordingAnalysisPercentage', message: 'recordingAnalysisPercentage must be a number' }],
    ['supervisor not a list', { supervisor: { userId: 'u' } }, { field: 'supervisor', message: 'supervisor must be an array of objects' }],
    ['dispositions a list', { dispositions: [] }, { field: 'dispositions', message: 'dispositions must be an object' }],
  ])('rejects %s', async (_rule, overrides, error) => {
    const answer = await create(validData(overrides));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(validationFailed(error));
  });

  it('accepts the seed example object with given times (the server still stamps its own)', async () => {
    const answer = await create(validData({
      name: 'Renewal Reminder Q4', useForEmail: true, emailFromAddress: 'renewals@example.com', useForSMS: true,
      smsFromAddress: '8881234567', callerId: '+18001234567', createdAt: 1672531200000, modifiedAt: 1678886400000,
    }));
    expect(answer.status).toBe(201);
    expect(answer.body.createdAt).not.toBe(1672531200000);
  });

  it('lists every failing rule at once', async () => {
    const answer = await create({ type: 'OTHER', useForSMS: true, useForEmail: true, useForOutbound: true, createdAt: 'now', modifiedAt: 1.5 });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(validationFailed(
      { field: 'name', message: 'name is required' },
      { field: 'workflowId', message: 'workflowId is required' },
      { field: 'type', message: 'type must be DEFAULT or PERSONAL' },
      { field: 'smsFromAddress', message: 'smsFromAddress is required when useForSMS is true' },
      { field: 'emailFromAddress', message: 'emailFromAddress is required when useForEmail is true' },
      { field: 'callerId', message: 'callerId is required when useForOutbound is true' },
      { field: 'createdAt', message: 'createdAt must be a Unix timestamp in milliseconds' },
      { field: 'modifiedAt', message: 'modifiedAt must be a Unix timestamp in milliseconds' },
    ));
  });

  it('rejects a body without a data object, or one that is not JSON', async () => {
    const dataError = validationFailed({ field: 'data', message: 'data must be an object' });
    expect(await call(backend, 'POST', CAMPAIGNS, validData())).toMatchObject({ status: 400, body: dataError });
    expect(await call(backend, 'POST', CAMPAIGNS, { data: [validData()] })).toMatchObject({ status: 400, body: dataError });
    expect(await call(backend, 'POST', CAMPAIGNS, undefined, { rawBody: 'null' })).toMatchObject({ status: 400, body: dataError });
    expect(await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_q1_renewals`, { description: 'x' })).toMatchObject({ status: 400, body: dataError });
    expect(await call(backend, 'POST', CAMPAIGNS, undefined, { rawBody: '{"data":' })).toMatchObject({
      status: 400,
      body: validationFailed({ field: 'body', message: 'body must be a JSON object' }),
    });
  });

  it('validates the merged object on PATCH', async () => {
    // cmp_records_fax has no SMS address, so turning SMS on alone breaks the merged object.
    const sms = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_records_fax`, { data: { useForSMS: true } });
    expect(sms).toMatchObject({ status: 400, body: validationFailed({ field: 'smsFromAddress', message: 'smsFromAddress is required when useForSMS is true' }) });
    // cmp_q1_renewals sends SMS, so removing its address breaks it too.
    const cleared = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_q1_renewals`, { data: { smsFromAddress: null, name: ' ', type: 'X' } });
    expect(cleared).toMatchObject({
      status: 400,
      body: validationFailed(
        { field: 'name', message: 'name is required' },
        { field: 'type', message: 'type must be DEFAULT or PERSONAL' },
        { field: 'smsFromAddress', message: 'smsFromAddress is required when useForSMS is true' },
      ),
    });
    const when = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_q1_renewals`, { data: { modifiedAt: '2026-01-01' } });
    expect(when).toMatchObject({ status: 400, body: validationFailed({ field: 'modifiedAt', message: 'modifiedAt must be a Unix timestamp in milliseconds' }) });
    expect((await call(backend, 'GET', `${CAMPAIGNS}/cmp_q1_renewals`)).body).toMatchObject({ name: 'Q1 Renewal Reminders', smsFromAddress: '8885551212' });
  });
});

describe('schema-type reference backend: name uniqueness', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({});
  });
  afterAll(() => backend.close());

  const conflict = { status: 409, body: { message: 'name must be unique within a tenant' } };

  it('refuses to create a second live campaign with the same name in any case', async () => {
    expect(await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'q1 renewal REMINDERS' }) })).toMatchObject(conflict);
  });

  it('refuses a patch that takes the name of another campaign, in any case', async () => {
    const answer = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_q1_renewals`, { data: { name: 'SUMMER WIN-BACK offer' } });
    expect(answer).toMatchObject(conflict);
  });

  it('lets a patch keep or re-case the campaign’s own name', async () => {
    const answer = await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_q1_renewals`, { data: { name: 'Q1 RENEWAL REMINDERS' } });
    expect(answer).toMatchObject({ status: 200, body: { name: 'Q1 RENEWAL REMINDERS' } });
  });

  it('lets another tenant’s name be used', async () => {
    const answer = await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'Competitor Pricing Survey' }) });
    expect(answer.status).toBe(201);
  });
});

describe('schema-type reference backend: tenant isolation', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({});
  });
  afterAll(() => backend.close());

  it('hides another tenant’s campaigns from GET, PATCH, DELETE and search', async () => {
    expect(await call(backend, 'GET', `${CAMPAIGNS}/cmp_pricing_survey`)).toMatchObject({ status: 404, body: { message: 'not found' } });
    expect(await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_pricing_survey`, { data: {} })).toMatchObject({ status: 404 });
    expect(await call(backend, 'DELETE', `${CAMPAIGNS}/cmp_pricing_survey`)).toMatchObject({ status: 404 });
    const holiday = await search(backend, { q: 'name:holiday*' });
    expect(holiday.body.total).toBe(1);
    expect(holiday.body.results[0]).toMatchObject({ campaignId: 'cmp_holiday_early', tenantId: 't_abcde', workflowId: 'wf_holiday_promo' });
    expect((await search(backend, { q: 'tenantId:*', rows: 100 })).body.results.every((c: any) => c.tenantId === 't_abcde')).toBe(true);
  });

  it('serves the tenant it is started for', async () => {
    const other = await startSchemaTypeBackend({ tenantId: 't_zzz', token: 'zzz-token' });
    try {
      expect(other.credentials).toEqual({ tenantId: 't_zzz', token: 'zzz-token' });
      const answer = await search(other);
      expect(answer.body.total).toBe(10);
      expect(answer.body.results[0].tenantId).toBe('t_zzz');
      expect(await search(other, {}, { tenant: 't_abcde' })).toMatchObject({ status: 401, body: { message: 'unknown tenant' } });
    } finally {
      await other.close();
    }
  });
});

describe('schema-type reference backend: authentication and scopes', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({
      tokens: {
        reader: ['campaigns:read'],
        writer: ['campaigns:write'],
        deleter: ['campaigns:delete'],
        'reader-writer': ['campaigns:read', 'campaigns:write'],
        nothing: [],
      },
    });
  });
  afterAll(() => backend.close());

  const unauthorized = { status: 401, body: { message: 'unauthorized' } };

  it('answers 401 unauthorized without a token, with an unknown one, or without Bearer', async () => {
    expect(await search(backend, {}, { token: null })).toMatchObject(unauthorized);
    expect(await search(backend, {}, { token: 'wrong' })).toMatchObject(unauthorized);
    expect(await search(backend, {}, { token: null, headers: { authorization: 'Basic c3QtZGVtby10b2tlbg==' } })).toMatchObject(unauthorized);
    expect(await search(backend, {}, { token: null, headers: { authorization: 'st-demo-token' } })).toMatchObject(unauthorized);
    expect(await call(backend, 'DELETE', `${CAMPAIGNS}/cmp_q1_renewals`, undefined, { token: null })).toMatchObject(unauthorized);
  });

  it('answers 401 unknown tenant without X-Tenant-Id or with another tenant', async () => {
    expect(await search(backend, {}, { tenant: null })).toMatchObject({ status: 401, body: { message: 'unknown tenant' } });
    expect(await search(backend, {}, { tenant: 't_fghij' })).toMatchObject({ status: 401, body: { message: 'unknown tenant' } });
    expect(await call(backend, 'GET', `${CAMPAIGNS}/cmp_q1_renewals`, undefined, { tenant: 'T_ABCDE' })).toMatchObject({ status: 401 });
  });

  it('needs campaigns:read to search and retrieve', async () => {
    const forbidden = { status: 403, body: { message: 'missing scope campaigns:read' } };
    for (const token of ['writer', 'deleter', 'nothing']) {
      expect(await search(backend, {}, { token })).toMatchObject(forbidden);
      expect(await call(backend, 'GET', `${CAMPAIGNS}/cmp_q1_renewals`, undefined, { token })).toMatchObject(forbidden);
    }
    expect((await search(backend, {}, { token: 'reader' })).status).toBe(200);
    expect((await call(backend, 'GET', `${CAMPAIGNS}/cmp_q1_renewals`, undefined, { token: 'reader' })).status).toBe(200);
  });

  it('needs campaigns:write to create and update', async () => {
    const forbidden = { status: 403, body: { message: 'missing scope campaigns:write' } };
    for (const token of ['reader', 'deleter', 'nothing']) {
      expect(await call(backend, 'POST', CAMPAIGNS, { data: validData() }, { token })).toMatchObject(forbidden);
      expect(await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_q1_renewals`, { data: {} }, { token })).toMatchObject(forbidden);
    }
    expect((await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'Writer Made' }) }, { token: 'writer' })).status).toBe(201);
    expect((await call(backend, 'PATCH', `${CAMPAIGNS}/cmp_q1_renewals`, { data: {} }, { token: 'writer' })).status).toBe(200);
  });

  it('needs campaigns:delete to delete', async () => {
    const forbidden = { status: 403, body: { message: 'missing scope campaigns:delete' } };
    for (const token of ['reader', 'writer', 'reader-writer', 'nothing']) {
      expect(await call(backend, 'DELETE', `${CAMPAIGNS}/cmp_storm_outage`, undefined, { token })).toMatchObject(forbidden);
    }
    expect((await call(backend, 'DELETE', `${CAMPAIGNS}/cmp_storm_outage`, undefined, { token: 'deleter' })).status).toBe(204);
  });

  it('lets campaigns:admin (the default token) do everything', async () => {
    const created = await call(backend, 'POST', CAMPAIGNS, { data: validData({ name: 'Admin Made' }) });
    expect(created.status).toBe(201);
    const path = `${CAMPAIGNS}/${created.body.campaignId}`;
    expect((await call(backend, 'GET', path)).status).toBe(200);
    expect((await call(backend, 'PATCH', path, { data: { description: 'edited' } })).status).toBe(200);
    expect((await search(backend)).status).toBe(200);
    expect((await call(backend, 'DELETE', path)).status).toBe(204);
  });
});

describe('schema-type reference backend: faults and request log', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({});
  });
  afterAll(() => backend.close());

  it('answers 500 while a counted status500 fault lasts, then normally', async () => {
    await backend.faults.set({ kind: 'status500', times: 1 });
    expect((await search(backend)).status).toBe(500);
    expect((await search(backend)).status).toBe(200);
  });

  it('answers 429 with Retry-After under rateLimit', async () => {
    await backend.faults.set({ kind: 'rateLimit', retryAfterSeconds: 3 });
    const answer = await search(backend);
    await backend.faults.clear();
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('3');
  });

  it('answers the backend’s own 401 body under the unauthorized fault, and HTML under nonJson', async () => {
    await backend.faults.set({ kind: 'unauthorized', times: 1 });
    expect(await search(backend)).toMatchObject({ status: 401, body: { message: 'unauthorized' } });
    await backend.faults.set({ kind: 'nonJson', times: 1 });
    const html = await search(backend);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html');
    expect(html.body).toBeUndefined();
  });

  it('logs every request for counting', async () => {
    backend.requests.clear();
    await search(backend, { q: 'name:Q1*' });
    await call(backend, 'GET', `${CAMPAIGNS}/cmp_q1_renewals`);
    expect(backend.requests.count({ method: 'GET', path: CAMPAIGNS })).toBe(1);
    expect(backend.requests.count({ path: /^\/api\/v1\/schema-types\/campaign\/[^/]+$/ })).toBe(1);
    expect(backend.requests.list()[0]?.query).toEqual({ q: 'name:Q1*' });
  });
});
