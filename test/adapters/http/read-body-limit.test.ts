import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import { readBodyWithLimit } from '../../../src/adapters/http/read-body.js';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';

describe('readBodyWithLimit', () => {
  it('reads a body up to the limit as UTF-8 text', async () => {
    await expect(readBodyWithLimit(Readable.from([Buffer.from('{"a":'), Buffer.from('"é"}')]), 11, 'b')).resolves.toBe('{"a":"é"}');
  });

  it('fails with BACKEND_ERROR naming the backend one byte past the limit', async () => {
    await expect(readBodyWithLimit(Readable.from([Buffer.alloc(6), Buffer.alloc(6)]), 11, 'big')).rejects.toMatchObject({
      code: 'BACKEND_ERROR',
      backend: 'big',
      message: 'backend "big" answered more than 11 bytes',
    });
  });
});

describe('a backend answering more than maxResponseBytes', () => {
  let upstream: FakeUpstream | undefined;
  let client: BackendHttpClient | undefined;
  afterEach(async () => {
    await client?.close();
    await upstream?.close();
  });

  it('is BACKEND_ERROR, sent once, and the breaker does not count it', async () => {
    upstream = await startFakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: 'x'.repeat(1024 * 1024) }));
    });
    client = new BackendHttpClient({ backend: 'huge', baseUrl: upstream.url, headers: {}, maxResponseBytes: 64 * 1024, retries: 2, breaker: { volumeThreshold: 1 } });
    await expect(client.request({ method: 'GET', path: '/all' })).rejects.toMatchObject({ code: 'BACKEND_ERROR', backend: 'huge' });
    expect(upstream.requests).toBe(1);
    expect(client.circuitState).toBe('closed');
  });
});
