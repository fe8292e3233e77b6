import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig } from '../../src/config/load-config.js';

const example = {
  port: 4000,
  backends: [
    { name: 'growth', kind: 'workspace', baseUrl: 'http://127.0.0.1:7001', workspaceId: 'ws_demo', sessionToken: '${WORKSPACE_TOKEN}' },
    { name: 'broadcast', kind: 'v2', baseUrl: 'http://127.0.0.1:7002', apiKey: '${V2_API_KEY}' },
    { name: 'contact-center', kind: 'schemaType', baseUrl: 'http://127.0.0.1:7003', tenantId: 't_abcde', token: '${SCHEMA_TOKEN}' },
    { name: 'messaging', kind: 'touchpoint', baseUrl: 'http://127.0.0.1:7004', token: '${TP_TOKEN}' },
  ],
  auth: { apiKeys: [{ key: '${GATEWAY_READ_KEY}', scopes: ['campaigns:read'] }] },
  redisUrl: 'redis://127.0.0.1:6379',
  pollIntervalMs: 2000,
};
const env = { WORKSPACE_TOKEN: 'ws-token', V2_API_KEY: 'v2-key', SCHEMA_TOKEN: 'st-token', TP_TOKEN: 'tp-token', GATEWAY_READ_KEY: 'read-key-0123456789abcdef' };

function problems(input: unknown, environment: Record<string, string> = env): string[] {
  try {
    parseConfig(input, { env: environment });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the config to be refused');
}

describe('configuration file', () => {
  it('accepts the CONTRACT.md example, interpolating ${VAR} and filling defaults', () => {
    const config = parseConfig(example, { env });
    expect(config.backends).toHaveLength(4);
    expect(config.backends[0]).toMatchObject({ name: 'growth', sessionToken: 'ws-token', timeoutMs: 5000, retries: 2 });
    expect(config.backends[1]).toMatchObject({ apiKey: 'v2-key' });
    expect(config.auth!.apiKeys[0]!.key).toBe('read-key-0123456789abcdef');
    expect(config).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', pollIntervalMs: 2000, graphiql: true, introspection: true });
  });

  it('turns GraphiQL and introspection off in production unless the file says otherwise', () => {
    expect(parseConfig(example, { env, production: true })).toMatchObject({ graphiql: false, introspection: false });
    expect(parseConfig({ ...example, graphiql: true }, { env, production: true }).graphiql).toBe(true);
  });

  it('names a missing environment variable with its path', () => {
    const { V2_API_KEY: _, ...rest } = env;
    expect(problems(example, rest)).toEqual(['backends[1].apiKey: environment variable V2_API_KEY is not set']);
  });

  it('reports every problem at once, one line each with its path', () => {
    const bad = {
      port: 'x',
      backends: [
        { name: 'Growth!', kind: 'workspace', baseUrl: 'http://127.0.0.1:7001', workspaceId: 'ws' },
        { name: 'b', kind: 'smoke-signals', baseUrl: 'http://127.0.0.1:1' },
        { name: 'c', kind: 'v2', baseUrl: 'http://127.0.0.1:7002' },
        { name: 'c', kind: 'touchpoint', baseUrl: 'ftp://x', token: 't' },
      ],
    };
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^port: (?!required)/),
        'backends[0].name: must match [a-z0-9-]+',
        expect.stringMatching(/^backends\[1\]\.kind: unknown kind "smoke-signals"/),
        'backends[2].apiKey: required for kind v2',
        expect.stringMatching(/^backends\[3\]\.baseUrl: /),
      ]),
    );
    expect(problems(bad).length).toBeGreaterThanOrEqual(5);
  });

  it('refuses duplicate backend names and a kind missing its credentials', () => {
    const dup = { backends: [example.backends[1], { ...example.backends[1] }] };
    expect(problems(dup)).toContain('backends[1].name: duplicate backend name "broadcast"');
    const noToken = { backends: [{ name: 'ws', kind: 'workspace', baseUrl: 'http://127.0.0.1:1', workspaceId: 'w' }] };
    expect(problems(noToken)).toEqual(['backends[0].sessionToken: required for kind workspace']);
  });

  it('validates API keys and scopes', () => {
    const bad = { ...example, auth: { apiKeys: [{ key: 'short', scopes: ['campaigns:everything'] }] } };
    const found = problems(bad);
    expect(found.some((p) => p.startsWith('auth.apiKeys[0].key'))).toBe(true);
    expect(found.some((p) => p.startsWith('auth.apiKeys[0].scopes[0]'))).toBe(true);
  });

  describe('from a file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'gateway-config-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('reads a valid file and refuses bad JSON with one line', async () => {
      const good = join(dir, 'good.json');
      await writeFile(good, JSON.stringify(example));
      await expect(loadConfigFile(good, { env })).resolves.toMatchObject({ port: 4000 });
      const bad = join(dir, 'bad.json');
      await writeFile(bad, '{ "backends": [ ');
      await expect(loadConfigFile(bad, { env })).rejects.toThrow(/not valid JSON/);
      await expect(loadConfigFile(join(dir, 'missing.json'), { env })).rejects.toThrow(/cannot read/);
    });
  });
});
