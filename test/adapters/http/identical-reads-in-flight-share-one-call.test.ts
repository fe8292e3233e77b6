import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import { GatewayError } from '../../../src/model/errors.js';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';

/** A fake upstream that keeps every request unanswered until `release()`, then answers with `reply`. */
async function holdingUpstream(reply: (req: IncomingMessage, res: ServerResponse) => void) {
  const held: (() => void)[] = [];
  const seen: { method: string; url: string }[] = [];
  const closed: string[] = [];
  const upstream = await startFakeUpstream((req, res) => {
    seen.push({ method: req.method!, url: req.url! });
    res.once('close', () => {
      if (!res.writableFinished) closed.push(req.url!);
    });
    req.resume();
    req.once('end', () => held.push(() => reply(req, res)));
  });
  const until = async (count: number) => {
    for (let waited = 0; held.length < count; waited += 5) {
      if (waited > 3000) throw new Error(`${held.length} of ${count} requests arrived`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return {
    upstream,
    seen,
    closed,
    held: () => held.length,
    /** Waits until `count` requests are held, then answers them all. */
    async release(count: number) {
      await until(count);
      for (const go of held.splice(0)) go();
    },
    until,
  };
}

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

let upstream: FakeUpstream | undefined;
let client: BackendHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await upstream?.close();
  client = upstream = undefined;
});

function clientFor(url: string, retries = 0): BackendHttpClient {
  return new BackendHttpClient({ backend: 'shared', baseUrl: url, headers: { authorization: 'Bearer secret' }, retries, timeoutMs: 5000 });
}

describe('identical GETs in flight at once', () => {
  it('share one upstream call; every caller gets an answer of its own', async () => {
    const fake = await holdingUpstream(json(200, { campaign: { id: 'c1' } }));
    upstream = fake.upstream;
    client = clientFor(upstream.url);
    const answers = Array.from({ length: 8 }, () => client!.request({ method: 'GET', path: '/campaigns/c1', query: { full: 1 } }));
    await fake.release(1);
    const responses = await Promise.all(answers);
    expect(fake.seen).toEqual([{ method: 'GET', url: '/campaigns/c1?full=1' }]);
    for (const response of responses) expect(response.body).toEqual({ campaign: { id: 'c1' } });
    // No caller can change what another one reads.
    expect(new Set(responses.map((r) => r.body)).size).toBe(8);
  });

  it('do not share when the path or the query differs', async () => {
    const fake = await holdingUpstream(json(200, {}));
    upstream = fake.upstream;
    client = clientFor(upstream.url);
    const answers = [
      client.request({ method: 'GET', path: '/campaigns/c1' }),
      client.request({ method: 'GET', path: '/campaigns/c2' }),
      client.request({ method: 'GET', path: '/campaigns/c1', query: { page: 2 } }),
    ];
    await fake.release(3);
    await Promise.all(answers);
    expect(fake.seen.map((r) => r.url).sort()).toEqual(['/campaigns/c1', '/campaigns/c1?page=2', '/campaigns/c2']);
  });

  it('a read that starts after a write completed never joins a read from before it', async () => {
    const fake = await holdingUpstream(json(200, {}));
    upstream = fake.upstream;
    client = clientFor(upstream.url);
    const before = client.request({ method: 'GET', path: '/campaigns/c1' });
    await fake.until(1);
    const write = client.request({ method: 'PATCH', path: '/campaigns/c1', body: { name: 'new' } });
    // A read that starts while the write is in flight does not join the one from before it either.
    const during = client.request({ method: 'GET', path: '/campaigns/c1' });
    await fake.release(3);
    await Promise.all([before, write, during]);
    const after = client.request({ method: 'GET', path: '/campaigns/c1' });
    await fake.release(1);
    await after;
    expect(fake.seen.map((r) => r.method).sort()).toEqual(['GET', 'GET', 'GET', 'PATCH']);
  });

  it('a read that must see the state as it is now (fresh) never joins one in flight', async () => {
    const fake = await holdingUpstream(json(200, {}));
    upstream = fake.upstream;
    client = clientFor(upstream.url);
    const shared = client.request({ method: 'GET', path: '/campaigns/c1' });
    const fresh = client.request({ method: 'GET', path: '/campaigns/c1' }, { fresh: true });
    await fake.release(2);
    await Promise.all([shared, fresh]);
    expect(fake.seen).toHaveLength(2);
  });

  it('mutations never share, however alike', async () => {
    const fake = await holdingUpstream(json(201, {}));
    upstream = fake.upstream;
    client = clientFor(upstream.url);
    const writes = Array.from({ length: 3 }, () => client!.request({ method: 'POST', path: '/campaigns', body: { name: 'Same' } }));
    await fake.release(3);
    await Promise.all(writes);
    expect(fake.seen.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('a failing shared call fails every caller, each with an error object of its own', async () => {
    const fake = await holdingUpstream(json(500, { error: 'boom' }));
    upstream = fake.upstream;
    client = clientFor(upstream.url, 0);
    const callers = Array.from({ length: 4 }, () => client!.request({ method: 'GET', path: '/campaigns/c1' }).catch((error: unknown) => error));
    await fake.release(1);
    const errors = (await Promise.all(callers)) as GatewayError[];
    expect(fake.seen).toHaveLength(1);
    expect(new Set(errors).size).toBe(4);
    for (const error of errors) {
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'shared', message: 'backend "shared" failed (500)' });
    }
    // Each error stands alone: what one caller does to its error no other caller sees.
    (errors[0]!.extensions as Record<string, unknown>).marked = true;
    expect(errors[1]!.extensions).toEqual({ code: 'BACKEND_UNAVAILABLE', backend: 'shared' });
    expect(errors.map((e, i) => e.atPath(['campaigns', i]).path)).toEqual([0, 1, 2, 3].map((i) => ['campaigns', i]));
  });

  it('one caller going away leaves the call to the others; the last one going away cancels it', async () => {
    const fake = await holdingUpstream(json(200, { ok: true }));
    upstream = fake.upstream;
    client = clientFor(upstream.url);
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = client.request({ method: 'GET', path: '/campaigns/c1' }, { signal: leaving.signal });
    const stayed = client.request({ method: 'GET', path: '/campaigns/c1' }, { signal: staying.signal });
    await fake.until(1);
    leaving.abort(new Error('client went away'));
    await expect(left).rejects.toThrow('client went away');
    await fake.release(1);
    await expect(stayed).resolves.toMatchObject({ status: 200, body: { ok: true } });

    const first = new AbortController();
    const second = new AbortController();
    const calls = [first, second].map((c) => client!.request({ method: 'GET', path: '/campaigns/c2' }, { signal: c.signal }).catch(() => 'gone'));
    await fake.until(1);
    first.abort();
    second.abort();
    expect(await Promise.all(calls)).toEqual(['gone', 'gone']);
    while (fake.closed.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fake.closed).toEqual(['/campaigns/c2']);
  });
});
