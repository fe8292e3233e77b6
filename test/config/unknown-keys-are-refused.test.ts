import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load-config.js';

/**
 * A typo in the config file is an error that names its path, never a setting
 * silently ignored, at every level and inside backend entries too (where the
 * kind's own schema says which credentials belong); and one run of the check
 * reports every problem of the file.
 */
const workspace = { name: 'growth', kind: 'workspace', baseUrl: 'http://127.0.0.1:7001', workspaceId: 'ws_demo', sessionToken: 's' };
const v2 = { name: 'broadcast', kind: 'v2', baseUrl: 'http://127.0.0.1:7002', apiKey: 'k' };

function problems(input: unknown): string[] {
  try {
    parseConfig(input, { env: {} });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the config to be refused');
}

describe('unknown keys', () => {
  it('are refused inside a backend entry, each named with its path and the key it most likely meant', () => {
    expect(problems({ backends: [{ ...workspace, timeoutMS: 3000, retires: 1 }] }).sort()).toEqual([
      'backends[0].retires: unknown key (did you mean "retries"?)',
      'backends[0].timeoutMS: unknown key (did you mean "timeoutMs"?)',
    ]);
  });

  it("are refused when they belong to another kind's credentials", () => {
    expect(problems({ backends: [{ ...v2, sessionToken: 's' }] })).toEqual(['backends[0].sessionToken: unknown key']);
  });

  it('are refused at the top level and in nested objects', () => {
    expect(
      problems({
        backends: [{ ...v2, breaker: { volumeTreshold: 3 } }],
        pollIntervalMS: 100,
        auth: { apiKeys: [{ key: 'k'.repeat(16), scopes: ['campaigns:read'], scope: 'x' }] },
        cors: { origin: ['https://app.example.com'] },
      }).sort(),
    ).toEqual([
      'auth.apiKeys[0].scope: unknown key (did you mean "scopes"?)',
      'backends[0].breaker.volumeTreshold: unknown key (did you mean "volumeThreshold"?)',
      'cors.origin: unknown key (did you mean "origins"?)',
      'cors.origins: required',
      'pollIntervalMS: unknown key (did you mean "pollIntervalMs"?)',
    ]);
  });
});

describe('every problem of the file at once', () => {
  it('reports a duplicate name, a missing credential, a bad URL and a typo of one entry together with the other entries', () => {
    const found = problems({
      backends: [workspace, { name: 'growth', kind: 'workspace', baseUrl: 'not a url', workspaceId: 'w', timeoutMS: 1 }, { ...v2, apiKey: '' }],
    });
    expect(found.sort()).toEqual([
      'backends[1].baseUrl: must be an http(s) URL',
      'backends[1].name: duplicate backend name "growth"',
      'backends[1].sessionToken: required for kind workspace',
      'backends[1].timeoutMS: unknown key (did you mean "timeoutMs"?)',
      'backends[2].apiKey: apiKey must not be empty',
    ]);
  });
});

describe('host and cors', () => {
  it('listen on 0.0.0.0 and leave CORS open (without credentials) by default', () => {
    const config = parseConfig({ backends: [v2] }, { env: {} });
    expect(config.host).toBe('0.0.0.0');
    expect(config.cors).toBeUndefined();
  });

  it('take a listening address and a list of origins', () => {
    const config = parseConfig(
      { host: '127.0.0.1', cors: { origins: ['https://app.example.com', 'http://localhost:5173'] }, backends: [v2] },
      { env: {} },
    );
    expect(config).toMatchObject({ host: '127.0.0.1', cors: { origins: ['https://app.example.com', 'http://localhost:5173'] } });
  });

  it('refuse an origin with a path, a trailing slash or another scheme', () => {
    const found = problems({ backends: [v2], cors: { origins: ['https://app.example.com/', 'https://app.example.com/app', 'ftp://x', '*'] } });
    expect(found.map((line) => line.slice(0, line.indexOf(':')))).toEqual(['cors.origins[0]', 'cors.origins[1]', 'cors.origins[2]', 'cors.origins[3]']);
  });
});
