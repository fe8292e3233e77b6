import { connect } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { ManualClock } from '../../src/reference-backends/shared/clock.js';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, httpServerOptions } from '../../src/server/http-server-options.js';
import { startGatewayServer, type RunningGateway } from '../../src/server/start-server.js';

/**
 * A client that stops sending halfway (a body shorter than its Content-Length,
 * or headers that never end) is answered 408 and its connection closed once
 * the request timeout passes, instead of holding a socket indefinitely.
 */
let references: ReferenceBackendSet;
let running: RunningGateway;

beforeAll(async () => {
  references = await startAllReferenceBackends({ clock: new ManualClock(Date.UTC(2026, 10, 23, 12)) });
  const config = parseConfig({ port: 0, backends: references.configEntries(), pollIntervalMs: 60_000 }, { env: {} });
  running = await startGatewayServer({
    config,
    logger: pino({ level: 'silent' }),
    host: '127.0.0.1',
    http: { requestTimeoutMs: 600, headersTimeoutMs: 300 },
  });
});
afterAll(async () => {
  await running?.close();
  await references?.close();
});

/** Sends `text` on a raw connection and answers everything received until the server closes it. */
function sendAndWait(text: string): Promise<string> {
  const { port } = new URL(running.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    // Far beyond the configured timeouts: a socket still open then was never cut off.
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open; received: ${received}`));
    }, 15_000).unref();
  });
}

describe('slow requests', () => {
  it('a body shorter than its Content-Length: 408, connection closed', async () => {
    const received = await sendAndWait(
      'POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":"{ backends',
    );
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(references.all.reduce((n, b) => n + b.requests.count(), 0)).toBe(0);
  });

  it('headers that never end: 408, connection closed', async () => {
    const received = await sendAndWait('POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: appl');
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('the gateway keeps serving, and the defaults are 30 s for a request and 10 s for its headers', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ backends { name } }' }),
    });
    expect(response.status).toBe(200);
    expect([DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_HEADERS_TIMEOUT_MS]).toEqual([30_000, 10_000]);
    expect(httpServerOptions()).toMatchObject({ requestTimeout: 30_000, headersTimeout: 10_000 });
  });
});
