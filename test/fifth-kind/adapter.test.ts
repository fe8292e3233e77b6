import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../src/adapters/seam/backend-adapter.js';
import { facetOf } from '../../src/adapters/seam/capabilities.js';
import { describeAdapterConformance } from '../conformance/adapter-conformance.js';
import { bulletinAdapter } from './adapter/index.js';
import { startBulletinBackend, type BulletinReferenceBackend } from './reference/index.js';
import { BULLETIN_KIND } from './registry.js';

const NAME = 'noticeboard';

function adapterFor(backend: BulletinReferenceBackend): BackendAdapter {
  return bulletinAdapter.create({ ...backend.configEntry(NAME), timeoutMs: 2000, retries: 1, maxConnections: 4 }, { logger: pino({ level: 'silent' }) });
}

describeAdapterConformance(BULLETIN_KIND, {
  async setup() {
    const backend = await startBulletinBackend();
    return { adapter: adapterFor(backend), backend };
  },
  sample: {
    nativeId: 'blt-1003',
    expected: {
      backend: NAME,
      nativeId: 'blt-1003',
      name: 'Water main works on Elm Road',
      description: null,
      status: 'COMPLETED',
      rawStatus: 'posted',
      channels: ['SMS', 'PUSH'],
      createdAt: '2026-03-09T06:30:00.000Z',
      updatedAt: '2026-03-09T07:10:00.000Z',
      scheduledAt: null,
      enrollmentCount: null,
      deliveryStats: { total: null, sent: 430, delivered: 428, failed: 2, updatedAt: '2026-03-09T07:10:00.000Z' },
      raw: expect.objectContaining({ ref: 'blt-1003', reach: { sent: 430, delivered: 428, bounced: 2 } }),
    },
  },
  unknownNativeId: 'blt-9999',
  capabilities: ['CAMPAIGN_CREATE', 'CAMPAIGN_DELETE', 'DELIVERY_STATS'],
  facets: ['campaignCreate', 'campaignDelete', 'deliveryStats'],
  writes: { createCampaign: { name: 'Conformance probe', channels: ['EMAIL', 'PUSH'] } },
});

describe('bulletin adapter against its notice board', () => {
  let backend: BulletinReferenceBackend;
  let adapter: BackendAdapter;
  beforeAll(async () => {
    backend = await startBulletinBackend();
    adapter = adapterFor(backend);
  });
  afterAll(async () => {
    await adapter?.close();
    await backend?.close();
  });

  it('refuses, before sending anything, what a bulletin cannot hold', async () => {
    const before = backend.requests.count();
    const create = facetOf(adapter, 'campaignCreate');
    await expect(create.create({ name: 'x', scheduledAt: '2026-10-01T00:00:00Z' }, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scheduledAt', backend: NAME });
    await expect(create.create({ name: 'x', channels: ['WHATSAPP'] }, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channels', backend: NAME });
    expect(backend.requests.count()).toBe(before);
  });

  it('maps the board’s own refusal (422) to BAD_USER_INPUT on the input field, with its words', async () => {
    const error = await facetOf(adapter, 'campaignCreate').create({ name: '   ' }, {}).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', backend: NAME, upstreamStatus: 422 });
    expect((error as Error).message).toContain('headline must not be blank');
  });

  it('reports a wrong key as BACKEND_UNAUTHORIZED without showing it', async () => {
    const wrong = bulletinAdapter.create({ ...backend.configEntry(NAME), apiSecret: 'not-the-key', timeoutMs: 2000, retries: 0, maxConnections: 2 }, { logger: pino({ level: 'silent' }) });
    try {
      const error = await wrong.getCampaigns(['blt-1001'], {});
      expect(error[0]).toMatchObject({ code: 'BACKEND_UNAUTHORIZED', backend: NAME });
      expect((error[0] as Error).message).not.toContain('not-the-key');
    } finally {
      await wrong.close();
    }
  });
});
