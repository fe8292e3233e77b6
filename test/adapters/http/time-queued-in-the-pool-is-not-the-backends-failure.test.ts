import { afterEach, describe, expect, it } from 'vitest';
import { BackendHttpClient, type AttemptOutcome } from '../../../src/adapters/http/backend-client.js';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';

/**
 * More callers than pool connections make requests wait in the gateway's own
 * queue. That wait is the gateway's load, not the backend's slowness: a
 * backend that answers every request well within its timeout keeps its breaker
 * closed however long requests queued for it, and a request whose budget ran
 * out in the queue is the gateway's overload, which the breaker does not count.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An upstream answering each request after `latencyMs`, counting how many it holds at once. */
async function slowUpstream(latencyMs: number): Promise<FakeUpstream & { mostAtOnce: () => number }> {
  let open = 0;
  let most = 0;
  const upstream = await startFakeUpstream((_req, res) => {
    open += 1;
    most = Math.max(most, open);
    setTimeout(() => {
      open -= 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    }, latencyMs);
  });
  cleanups.push(() => upstream.close());
  return Object.assign(upstream, { mostAtOnce: () => most });
}

describe('time queued in the gateway’s own pool', () => {
  it('a 3 s backend under 16 callers with 10 connections answers all 16, once each, with its breaker closed', async () => {
    const upstream = await slowUpstream(3000);
    const attempts: AttemptOutcome[] = [];
    // The defaults (5 s per attempt, 2 retries, breaker at 50 % of 5 attempts) with 10 connections, so that 6 callers queue.
    const client = new BackendHttpClient({ backend: 'slow', baseUrl: upstream.url, headers: {}, maxConnections: 10, onAttempt: (a) => attempts.push(a) });
    cleanups.push(() => client.close());

    const answers = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => client.request({ method: 'GET', path: `/things/${i}` })));

    expect(answers.map((a) => a.status)).toEqual(Array(16).fill('fulfilled'));
    expect(answers.map((a) => (a as PromiseFulfilledResult<{ body: unknown }>).value.body)).toEqual(Array(16).fill({ ok: true }));
    expect(upstream.requests).toBe(16);
    expect(upstream.mostAtOnce()).toBe(10);
    expect(attempts.map((a) => a.outcome)).toEqual(Array(16).fill('ok'));
    expect(client.circuitState).toBe('closed');
  });

  it('a request whose budget runs out while it waits for a connection is the gateway’s overload: never sent, not retried, not counted', async () => {
    const upstream = await slowUpstream(400);
    const attempts: AttemptOutcome[] = [];
    const client = new BackendHttpClient({
      backend: 'busy',
      baseUrl: upstream.url,
      headers: {},
      timeoutMs: 600,
      retries: 0,
      maxConnections: 1,
      breaker: { volumeThreshold: 2, errorThresholdPercentage: 10 },
      onAttempt: (a) => attempts.push(a),
    });
    cleanups.push(() => client.close());

    // One connection, 400 ms per answer, 600 ms of budget each: the first answers, the second
    // (reached after about 400 ms in the queue) has its whole timeout and answers too, the
    // rest run out of budget while still queued.
    // Distinct paths: identical reads in flight at once would share one call instead of queueing.
    const answers = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => client.request({ method: 'GET', path: `/things/${i}` })));

    expect(answers[0]).toMatchObject({ status: 'fulfilled' });
    const answered = answers.filter((a) => a.status === 'fulfilled').length;
    const refused = answers.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const error of refused) {
      expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'busy' });
      expect(error.message).toContain('waiting in the gateway');
    }
    expect(attempts.filter((a) => a.outcome === 'gateway_overload')).toHaveLength(refused.length);
    // Requests given up while queued never reached the backend; none was retried.
    expect(upstream.requests).toBe(answered);
    expect(client.circuitState).toBe('closed');
  });
});
