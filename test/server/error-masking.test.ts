import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackendAdapter } from '../../src/adapters/seam/backend-adapter.js';
import { campaignGlobalId } from '../../src/model/global-id.js';
import { BackendSet } from '../../src/gateway/backend-set.js';
import { DeliveryStatsHub } from '../../src/live/delivery-stats-hub.js';
import { createGateway } from '../../src/server/create-gateway.js';
import { secretsOf } from '../support/backend-kinds.js';
import { postGraphQL, startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';

/**
 * What a client sees when something goes wrong: expected errors keep their
 * message and code; anything else is "Unexpected error." with no stack, no
 * cause and no detail, in every NODE_ENV; no backend credential or upstream
 * body ever reaches the answer.
 */
const SECRET = 'sk_live_do_not_show_0123456789';

describe('an unexpected error in a resolver', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function askBrokenBackend(query: string) {
    const broken: BackendAdapter = {
      name: 'broken',
      kind: 'V2',
      listCampaigns: async () => {
        throw new TypeError(`cannot read "x" of undefined while calling https://user:${SECRET}@backend.internal/v2`);
      },
      getCampaigns: async () => {
        throw new TypeError(`token ${SECRET} rejected by backend.internal`);
      },
      close: async () => {},
    };
    const backends = new BackendSet([broken]);
    const hub = new DeliveryStatsHub({ backends, pollIntervalMs: 1000 });
    const gateway = createGateway({ backends, live: hub, config: { graphiql: false, introspection: false }, logger: pino({ level: 'silent' }) });
    try {
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, text: await response.text() };
    } finally {
      await hub.close();
    }
  }

  it.each(['production', 'development', 'test'])('is "Unexpected error." and nothing more under NODE_ENV=%s', async (env) => {
    vi.stubEnv('NODE_ENV', env);
    const { text } = await askBrokenBackend(`{ campaign(id: "${campaignGlobalId({ backend: 'broken', nativeId: '1' })}") { id } }`);
    const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toBe('Unexpected error.');
    expect(body.errors[0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/TypeError|stack|originalError|backend\.internal|\.ts:\d+/);
  });

  it('in one backend of a list: that backend named, its detail kept out', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const { text } = await askBrokenBackend('{ campaigns(first: 5) { nodes { id } } }');
    const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toEqual([expect.objectContaining({ message: 'listing the campaigns of backend "broken" failed unexpectedly', extensions: expect.objectContaining({ backend: 'broken', code: expect.any(String) }) })]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/TypeError|stack|originalError|backend\.internal|\.ts:\d+/);
  });
});

describe('a backend that fails', () => {
  let gw: ListeningGateway;
  beforeAll(async () => {
    gw = await startListeningGateway({ backendEntry: (e) => ({ ...e, retries: 0 }) });
  });
  afterAll(async () => {
    await gw?.close();
  });

  // Each backend's declared secret fields (tenant and workspace ids are names that records carry).
  const secrets = () => gw.references.all.flatMap(secretsOf);

  it.each([
    ['refuses the gateway\'s credentials', { kind: 'unauthorized' as const }, 'BACKEND_UNAUTHORIZED'],
    ['answers an HTML error page', { kind: 'nonJson' as const }, 'BACKEND_ERROR'],
    ['answers 500', { kind: 'status500' as const }, 'BACKEND_UNAVAILABLE'],
  ])('%s: a coded error naming the backend, without its credentials or its body', async (_case, fault, code) => {
    for (const backend of gw.references.all) await backend.faults.set(fault);
    try {
      const response = await fetch(gw.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: '{ campaigns(first: 5) { nodes { id } } }' }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual([code, code, code, code]);
      expect(body.errors.map((e) => e.extensions.backend).sort()).toEqual(['broadcast', 'contact-center', 'growth', 'messaging']);
      for (const secret of secrets()) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/nginx|<html|internal server error|stack/i);
    } finally {
      for (const backend of gw.references.all) await backend.faults.clear();
    }
  });

  it('keeps credentials out of raw records', async () => {
    const { body } = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 100) { nodes { raw } } }' });
    const text = JSON.stringify(body);
    for (const secret of secrets()) expect(text).not.toContain(secret);
  });
});
