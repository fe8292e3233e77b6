import { Writable } from 'node:stream';
import { assertEnumType, assertObjectType } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND_KIND_REGISTRY } from '../../src/backend-kinds/registry.js';
import { startDemo, type DemoSetup } from '../../src/config/demo-config.js';
import { ConfigError, parseConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/logger.js';
import { startAllReferenceBackends } from '../../src/reference-backends/start-all.js';
import { schema, schemaFor } from '../../src/schema/index.js';
import { startGatewayServer, type RunningGateway } from '../../src/server/start-server.js';
import { BULLETIN_KIND, FIVE_KINDS } from '../fifth-kind/registry.js';

/**
 * The registry is the one list of backend kinds: a kind added to it (here the
 * test-only `bulletin` kind of test/fifth-kind/) is a `BackendKind` value, a
 * valid config `kind`, a reference backend the demo starts and a backend the
 * gateway serves, and its secret fields are kept out of the logs, with nothing
 * else changed.
 */
const KINDS = FIVE_KINDS;

const backendKinds = (s: typeof schema) =>
  assertEnumType(s.getType('BackendKind'))
    .getValues()
    .map((value) => value.name)
    .sort();

describe('the GraphQL BackendKind values', () => {
  it('are the registered kinds, and the schema of the registry is the schema itself', () => {
    expect(backendKinds(schema)).toEqual(['SCHEMA_TYPE', 'TOUCHPOINT', 'V2', 'WORKSPACE']);
    expect(schemaFor(BACKEND_KIND_REGISTRY)).toBe(schema);
  });

  it('gain a kind added to the registry, with every resolver kept, built once per registry', () => {
    const extended = schemaFor(KINDS);
    expect(backendKinds(extended)).toEqual(['BULLETIN', 'SCHEMA_TYPE', 'TOUCHPOINT', 'V2', 'WORKSPACE']);
    expect(schemaFor(KINDS)).toBe(extended);
    const query = (s: typeof schema) => assertObjectType(s.getQueryType()).getFields();
    for (const field of ['campaigns', 'backends', 'node']) {
      expect(query(extended)[field]!.resolve, field).toBe(query(schema)[field]!.resolve);
    }
  });
});

describe('config validation', () => {
  const entry = { name: 'noticeboard', kind: 'bulletin', baseUrl: 'http://127.0.0.1:7005', accountId: 'acct-elm-street', apiSecret: 'bulletin-secret' };
  const problems = (input: unknown, kinds?: typeof KINDS): string[] => {
    try {
      parseConfig(input, { env: {}, ...(kinds ? { kinds } : {}) });
    } catch (error) {
      return (error as ConfigError).problems;
    }
    return [];
  };

  it('takes an entry of the added kind with the kind’s own fields and defaults', () => {
    const config = parseConfig({ backends: [entry] }, { kinds: KINDS, env: {} });
    expect(config.backends).toEqual([{ ...entry, timeoutMs: 5000, retries: 2, maxConnections: 32, breaker: expect.any(Object) }]);
  });

  it('checks the added kind’s own fields, and the registered kinds alone refuse it', () => {
    const { apiSecret: _apiSecret, ...withoutSecret } = entry;
    expect(problems({ backends: [withoutSecret] }, KINDS)).toEqual(['backends[0].apiSecret: required for kind bulletin']);
    expect(problems({ backends: [{ ...entry, apiKey: 'x' }] }, KINDS)).toEqual(['backends[0].apiKey: unknown key']);
    expect(problems({ backends: [entry] })).toEqual(['backends[0].kind: unknown kind "bulletin" (one of workspace, v2, schemaType, touchpoint)']);
  });
});

describe('a gateway and demo with the added kind', () => {
  let demo: DemoSetup<typeof KINDS>;
  let running: RunningGateway;
  beforeAll(async () => {
    demo = await startDemo({ kinds: KINDS, port: 0, tickIntervalMs: 0 });
    running = await startGatewayServer({ config: demo.config, kinds: KINDS, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await running?.close();
    await demo?.backends.close();
  });

  it('starts its reference backend beside the others and serves it as a backend of that kind', async () => {
    expect(demo.backends.all.map((b) => b.kind)).toEqual(['workspace', 'v2', 'schemaType', 'touchpoint', 'bulletin']);
    expect(demo.backends.bulletin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.config.backends.map((b) => [b.name, b.kind])).toEqual([
      ['growth', 'workspace'],
      ['broadcast', 'v2'],
      ['contact-center', 'schemaType'],
      ['messaging', 'touchpoint'],
      ['noticeboard', 'bulletin'],
    ]);

    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ backends { name kind } campaigns(first: 100) { nodes { backend { name kind } } } }' }),
    });
    const { data, errors } = (await response.json()) as {
      data: { backends: { name: string; kind: string }[]; campaigns: { nodes: { backend: { name: string; kind: string } }[] } };
      errors?: unknown;
    };
    expect(errors).toBeUndefined();
    expect(data.backends).toContainEqual({ name: 'noticeboard', kind: 'BULLETIN' });
    expect(data.backends).toHaveLength(5);
    const served = new Set(data.campaigns.nodes.map((n) => `${n.backend.name}:${n.backend.kind}`));
    expect(served).toEqual(new Set(['growth:WORKSPACE', 'broadcast:V2', 'contact-center:SCHEMA_TYPE', 'messaging:TOUCHPOINT', 'noticeboard:BULLETIN']));
  });
});

describe('the reference backend starter', () => {
  it('refuses an entry whose reference backend is of another kind than its adapter', async () => {
    const confused = { ...BULLETIN_KIND, reference: { ...BULLETIN_KIND.reference, start: BACKEND_KIND_REGISTRY[3].reference.start } };
    await expect(startAllReferenceBackends({ kinds: [confused] })).rejects.toThrow('the reference backend of kind "bulletin" says it is of kind "touchpoint"');
  });
});

describe('the log', () => {
  function linesOf(kinds: typeof KINDS | undefined, fields: Record<string, unknown>): string {
    let out = '';
    const destination = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    createLogger({ pretty: false, destination, ...(kinds ? { kinds } : {}) }).info(fields, 'line');
    return out;
  }

  it('never shows a secret field of any registered kind, an added one included', () => {
    const secretKind = { ...BULLETIN_KIND, adapter: { ...BULLETIN_KIND.adapter, secretFields: ['signingSecret'] } };
    const kinds = [...BACKEND_KIND_REGISTRY, secretKind] as const;
    const fields = { signingSecret: 'signing-secret-value', sessionToken: 'session-token-value', entry: { signingSecret: 'nested-secret-value' } };
    const withKind = linesOf(kinds, fields);
    for (const secret of ['signing-secret-value', 'session-token-value', 'nested-secret-value']) expect(withKind).not.toContain(secret);
    // Not a secret of any registered kind: written as it is.
    expect(linesOf(undefined, fields)).toContain('signing-secret-value');
  });
});
