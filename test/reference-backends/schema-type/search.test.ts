import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSchemaTypeBackend, type SchemaTypeReferenceBackend } from '../../../src/reference-backends/schema-type/index.js';
import { search } from './http.js';

const names = (body: { results: Array<{ name: string }> }) => body.results.map((c) => c.name);
const qError = (message: string) => ({ message: 'validation failed', errors: [{ field: 'q', message }] });

describe('schema-type search over HTTP', () => {
  let backend: SchemaTypeReferenceBackend;
  beforeAll(async () => {
    backend = await startSchemaTypeBackend({});
  });
  afterAll(() => backend.close());

  const find = async (q: string) => {
    const answer = await search(backend, { q, rows: 100, sort: 'name asc' });
    expect(answer.status, answer.text).toBe(200);
    return names(answer.body);
  };

  it('returns the first page of everything, newest first, without parameters', async () => {
    const answer = await search(backend);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: 10, start: 0, rows: 10 });
    expect(answer.body.results[0].name).toBe('Holiday Promo Early Access');
    expect(answer.body.results[9].name).toBe('Q1 Renewal Reminders');
    const created = answer.body.results.map((c: any) => c.createdAt);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('matches everything with *:* or an empty q', async () => {
    expect((await search(backend, { q: '*:*' })).body.total).toBe(10);
    expect((await search(backend, { q: '' })).body.total).toBe(10);
  });

  it('matches an exact value case-insensitively', async () => {
    expect(await find('name:"customer satisfaction survey"')).toEqual(['Customer Satisfaction Survey']);
    expect(await find('campaignId:CMP_RECORDS_FAX')).toEqual(['Medical Records Fax Requests']);
    expect(await find('type:personal')).toEqual(['Agent Personal Follow-ups']);
    expect(await find('name:Summer Win-Back Offer')).toEqual(['Summer Win-Back Offer']);
    expect(await find('name:Summer')).toEqual([]);
  });

  it('matches wildcard prefixes, suffixes and infixes', async () => {
    expect(await find('name:Holiday*')).toEqual(['Holiday Promo Early Access']);
    expect(await find('name:*survey')).toEqual(['Customer Satisfaction Survey']);
    expect(await find('name:*REMIND*')).toEqual(['Q1 Renewal Reminders']);
    expect(await find('name:*o*ifi*')).toEqual(['Storm Outage Notifications']);
    expect(await find('workflowId:wf_*')).toHaveLength(10);
  });

  it('requires every term joined by AND', async () => {
    expect(await find('useForSMS:true AND useForEmail:true')).toEqual(['Holiday Promo Early Access', 'Q1 Renewal Reminders']);
    expect(await find('useForSMS:true AND useForEmail:true AND name:q1*')).toEqual(['Q1 Renewal Reminders']);
    expect(await find('useForSMS:true AND useForFax:true')).toEqual([]);
  });

  it('matches flags and numbers by their text', async () => {
    expect(await find('useForFax:true')).toEqual(['Medical Records Fax Requests']);
    expect(await find('useForOutbound:TRUE')).toEqual([
      'Customer Satisfaction Survey',
      'Past-Due Balance Outreach',
      'Storm Outage Notifications',
    ]);
    expect(await find('recordingAnalysisPercentage:25')).toEqual(['Customer Satisfaction Survey']);
    expect(await find('deletedAt:0')).toHaveLength(10);
    expect(await find('deletedAt:0 AND useForExtension:false')).toHaveLength(9);
  });

  it('treats an escaped star as a literal character', async () => {
    expect(await find('name:Q1\\*')).toEqual([]);
    expect(await find('description:*30\\+ days*')).toEqual(['Past-Due Balance Outreach']);
  });

  it('refuses a malformed q with 400 naming the problem', async () => {
    expect((await search(backend, { q: 'holiday' })).body).toEqual(qError('q term "holiday" is not of the form field:value'));
    expect((await search(backend, { q: 'name:' })).body).toEqual(qError('q term "name:" has no value'));
    expect((await search(backend, { q: 'name:a AND' })).body).toEqual(qError('q has an empty term around AND: "name:a AND"'));
    expect((await search(backend, { q: 'name:"open' })).body).toEqual(qError('q has an unterminated quote'));
    expect((await search(backend, { q: 'createdAt:[0 TO 5]' })).body).toEqual(
      qError('q term "createdAt:[0 TO 5]": range queries are not supported'),
    );
    expect((await search(backend, { q: '*:holiday' })).body).toEqual(qError('q term "*:holiday": only *:* may use the field *'));
    const unknown = await search(backend, { q: 'status:active' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toMatch(/^q names unknown field "status"; searchable fields: /);
  });

  it('pages with rows and start until the end', async () => {
    const all = names((await search(backend, { rows: 100 })).body);
    const pages = [];
    for (let start = 0; start < 10; start += 4) {
      const answer = await search(backend, { rows: 4, start });
      expect(answer.body).toMatchObject({ total: 10, start, rows: 4 });
      pages.push(names(answer.body));
    }
    expect(pages.map((page) => page.length)).toEqual([4, 4, 2]);
    expect(pages.flat()).toEqual(all);
    expect((await search(backend, { rows: 4, start: 12 })).body).toEqual({ total: 10, start: 12, rows: 4, results: [] });
    expect((await search(backend, { rows: 0 })).body).toEqual({ total: 10, start: 0, rows: 0, results: [] });
  });

  it('sorts by createdAt, modifiedAt or name in either direction', async () => {
    const by = async (sort: string) => (await search(backend, { rows: 100, sort })).body.results;
    const nameAsc = names({ results: await by('name asc') });
    expect(nameAsc).toEqual([...nameAsc].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(names({ results: await by('name DESC') })).toEqual([...nameAsc].reverse());
    const modified = (await by('modifiedAt asc')).map((c: any) => c.modifiedAt);
    expect(modified).toEqual([...modified].sort((a, b) => a - b));
    const created = (await by('createdAt asc')).map((c: any) => c.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('refuses rows above 100, bad numbers and bad sorts with 400', async () => {
    expect((await search(backend, { rows: 100 })).body.rows).toBe(100);
    const refused = async (params: Record<string, string | number>) => (await search(backend, params)).body;
    expect(await refused({ rows: 101 })).toEqual({
      message: 'validation failed',
      errors: [{ field: 'rows', message: 'rows must be at most 100' }],
    });
    expect(await refused({ rows: 'ten' })).toEqual({
      message: 'validation failed',
      errors: [{ field: 'rows', message: 'rows must be a non-negative integer' }],
    });
    expect(await refused({ start: -1 })).toEqual({
      message: 'validation failed',
      errors: [{ field: 'start', message: 'start must be a non-negative integer' }],
    });
    const badSort = {
      message: 'validation failed',
      errors: [{ field: 'sort', message: 'sort must be "FIELD asc|desc" with FIELD one of createdAt, modifiedAt, name' }],
    };
    expect(await refused({ sort: 'description asc' })).toEqual(badSort);
    expect(await refused({ sort: 'name' })).toEqual(badSort);
    expect(await refused({ sort: 'name up' })).toEqual(badSort);
    expect((await search(backend, { rows: 101 })).status).toBe(400);
  });
});
