import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import type { Touchpoint } from '../../../src/model/unified.js';
import { adapterFor, BACKEND_NAME, rejectionOf } from './fixture.js';
import { facetOf } from '../../../src/adapters/seam/capabilities.js';

/**
 * A tiny touchpoint server answering shapes the reference backend never produces:
 * unknown status, channel and type words, extra fields, records that break the
 * wire schema, odd error bodies and a 409.
 */
const CAMPAIGNS: Record<string, unknown>[] = [
  {
    _id: 'cmp_a',
    name: 'Archived one',
    status: 'archived',
    channel_type: 'fax',
    created_at: '2026-05-02T10:00:00.123456Z',
    updated_at: '2026-05-03T10:00:00Z',
    audience: { size: 12 },
  },
  { _id: 'cmp_broken', name: 42, status: 'draft', channel_type: 'sms', created_at: '2026-05-01T10:00:00Z' },
  { _id: 'cmp_b', name: 'Sparse one' },
];

const TOUCHPOINTS: Record<string, unknown>[] = [
  { _id: 'tp_1', name: 'Call out', type: 'webhook', campaign_id: 'cmp_a', message: { url: 'https://example.com' }, position: 0, created_at: '2026-05-02T10:05:00Z' },
  { _id: 'tp_bad', name: 'Broken', type: 'message', campaign_id: 'cmp_a', message: 'x', position: 'first' },
  { _id: 'tp_2', name: 'Note', type: 'message', campaign_id: 'cmp_a', message: 'Hi', position: 1, created_at: '2026-05-02T10:06:00Z' },
];

function answer(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://tiny.invalid');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /v1/campaigns') return answer(res, 200, { data: CAMPAIGNS, next_cursor: null, total: 3 });
  const campaign = /^GET \/v1\/campaigns\/(.+)$/.exec(route);
  if (campaign) {
    const found = CAMPAIGNS.find((c) => c._id === campaign[1]);
    return found ? answer(res, 200, found) : answer(res, 404, { error: { code: 'not_found', message: 'No such campaign.' } });
  }
  if (route === 'GET /v1/touchpoints') return answer(res, 200, { data: TOUCHPOINTS, next_cursor: null });
  if (route === 'DELETE /v1/campaigns/cmp_a') return answer(res, 409, { error: { code: 'conflict', message: 'An active campaign cannot be deleted.' } });
  if (route === 'POST /v1/campaigns') return answer(res, 400, 'Bad Request');
  return answer(res, 404, { error: { code: 'not_found', message: 'There is no such endpoint.' } });
}

describe('touchpoint adapter against wire shapes the reference backend never sends', () => {
  let server: Server;
  let adapter: BackendAdapter;

  beforeAll(async () => {
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    adapter = adapterFor({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await adapter.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('lists the records that fit, leaving out a broken one with a BACKEND_ERROR naming the backend and the record', async () => {
    const result = await adapter.listCampaigns({ order: { field: 'NAME', direction: 'ASC' }, filter: {}, after: null, resume: null, limit: 10 }, {});
    expect(result.items.map((i) => i.campaign.nativeId)).toEqual(['cmp_a', 'cmp_b']);
    expect(result.recordErrors).toHaveLength(1);
    expect(result.recordErrors[0]).toMatchObject({ code: 'BACKEND_ERROR', backend: BACKEND_NAME });
    expect(result.recordErrors[0]!.message).toContain('cmp_broken');
  });

  it('keeps an unknown status as UNKNOWN with its raw word, an unknown channel as none, and extra fields in raw', async () => {
    const [archived, sparse] = await adapter.getCampaigns(['cmp_a', 'cmp_b'], {});
    expect(archived).toMatchObject({
      status: 'UNKNOWN',
      rawStatus: 'archived',
      channels: [],
      createdAt: '2026-05-02T10:00:00.123Z',
      updatedAt: '2026-05-03T10:00:00.000Z',
      raw: { audience: { size: 12 } },
    });
    expect(sparse).toMatchObject({ name: 'Sparse one', status: 'UNKNOWN', rawStatus: null, channels: [], createdAt: null, updatedAt: null });
  });

  it('answers a BACKEND_ERROR in place of a broken campaign while the other keys stand', async () => {
    const [broken, good, missing] = await adapter.getCampaigns(['cmp_broken', 'cmp_a', 'cmp_zzz'], {});
    expect(broken).toBeInstanceOf(Error);
    expect(broken).toMatchObject({ code: 'BACKEND_ERROR', backend: BACKEND_NAME });
    expect(good).toMatchObject({ nativeId: 'cmp_a' });
    expect(missing).toBeNull();
  });

  it('maps an unknown touchpoint type to ACTION keeping the word, and leaves out a broken touchpoint', async () => {
    const [list] = await facetOf(adapter, 'touchpoints').list(['cmp_a'], {});
    expect((list as Touchpoint[]).map((t) => [t.nativeId, t.type, t.rawType, t.channel])).toEqual([
      ['tp_1', 'ACTION', 'webhook', null],
      ['tp_2', 'MESSAGE', 'message', null],
    ]);
  });

  it('maps a 409 to CONFLICT and a 400 without a JSON body to BAD_USER_INPUT', async () => {
    const conflict = await rejectionOf(facetOf(adapter, 'campaignDelete').delete('cmp_a', {}));
    expect(conflict).toMatchObject({ code: 'CONFLICT', backend: BACKEND_NAME });
    expect(conflict.message).toContain('An active campaign cannot be deleted.');
    const bad = await rejectionOf(facetOf(adapter, 'campaignCreate').create({ name: 'X', channels: ['SMS'] }, {}));
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', backend: BACKEND_NAME });
  });
});
