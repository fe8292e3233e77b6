import autocannon from 'autocannon';
import { Client } from 'undici';

/** One HTTP request of a load run. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** What one load run measured. */
export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, or failed to arrive. */
  errors: number;
}

/** One of `requests`, at random. */
const anyOf = (requests: readonly LoadRequest[]) => requests[Math.floor(Math.random() * requests.length)]!;

/**
 * One client sending one of `requests` at random, each after the previous answer,
 * for `seconds`. Latencies are measured here to the microsecond (autocannon's
 * histogram has whole milliseconds, too coarse for a sub-millisecond overhead).
 */
export async function sequentialLoad(origin: string, requests: LoadRequest[], headers: Record<string, string>, seconds: number): Promise<LoadResult> {
  const client = new Client(origin);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  try {
    while (performance.now() < end) {
      const request = anyOf(requests);
      const sent = performance.now();
      try {
        const response = await client.request({ ...request, headers });
        await response.body.text();
        if (response.statusCode >= 300) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - sent);
    }
  } finally {
    await client.close();
  }
  return { requests: latencies.length, reqPerSec: latencies.length / ((performance.now() - started) / 1000), ...percentiles(latencies), errors };
}

/** `connections` clients, each sending one of `requests` at random as fast as answers come, for `seconds` (autocannon). */
export async function concurrentLoad(
  origin: string,
  requests: LoadRequest[],
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, ...anyOf(requests) }) }],
  });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** p50 and p99 of latencies in ms. */
export function percentiles(latencies: readonly number[]): { p50Ms: number; p99Ms: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}
