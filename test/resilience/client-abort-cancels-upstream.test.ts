import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { abandonedRequests } from '../../src/reference-backends/shared/json-server.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import { startGatewayServer, type RunningGateway } from '../../src/server/start-server.js';

/** Far longer than the test waits: an upstream call still open when it ends was not cancelled. */
const LATENCY_MS = 5000;
const QUERY = '{ campaigns(first: 100) { nodes { id } } }';

let backends: ReferenceBackendSet;
let gateway: RunningGateway;
/** The test's own HTTP client, so that its connections end with the test. */
const clients = new Agent();

beforeAll(async () => {
  backends = await startAllReferenceBackends();
  const config = parseConfig({ port: 0, backends: backends.configEntries() }, { env: {} });
  gateway = await startGatewayServer({ config, logger: pino({ level: 'silent' }), host: '127.0.0.1' });
});
afterAll(async () => {
  await clients.destroy();
  await gateway.close();
  await backends.close();
});

async function until(condition: () => boolean, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${withinMs} ms`);
    await sleep(10);
  }
}

function post(signal?: AbortSignal) {
  return request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: QUERY }),
    signal,
    dispatcher: clients,
  });
}

describe('a client that goes away mid-query', () => {
  it('cancels the upstream call it was waiting for: the backend sees its connection closed before answering', async () => {
    const v2 = backends.v2;
    v2.requests.clear();
    await v2.faults.set({ kind: 'latency', ms: LATENCY_MS });
    const client = new AbortController();
    const pending = post(client.signal);

    await until(() => v2.requests.count() === 1, 2000);
    const abortedAt = performance.now();
    client.abort();
    await expect(pending).rejects.toThrow();

    // The backend saw its request's connection close (before it could answer, or it would not count)…
    await until(() => abandonedRequests(v2.requests).length === 1, 2000);
    expect(performance.now() - abortedAt).toBeLessThan(LATENCY_MS);
    expect(abandonedRequests(v2.requests)[0]).toMatchObject({ method: 'GET', path: '/v2/campaign/getAll' });
    // …and the gateway did not try again for a client that is gone.
    await sleep(300);
    expect(v2.requests.count()).toBe(1);
    await v2.faults.clear();
  });

  it('is no failure of the backend: aborted calls do not open its breaker', async () => {
    const v2 = backends.v2;
    await v2.faults.set({ kind: 'latency', ms: LATENCY_MS });
    // More aborted calls than the breaker's default volume threshold (5).
    for (let i = 0; i < 7; i += 1) {
      const before = v2.requests.count();
      const abandonedBefore = abandonedRequests(v2.requests).length;
      const client = new AbortController();
      const pending = post(client.signal);
      await until(() => v2.requests.count() > before, 2000);
      client.abort();
      await expect(pending).rejects.toThrow();
      // Until the cancel reaches the backend, the next identical query would share the call still in flight.
      await until(() => abandonedRequests(v2.requests).length > abandonedBefore, 2000);
    }
    await v2.faults.clear();

    const response = await post();
    const body = (await response.body.json()) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
  });
});
