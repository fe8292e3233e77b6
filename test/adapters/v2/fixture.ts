import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { v2Adapter } from '../../../src/adapters/v2/index.js';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startV2Backend, type V2ReferenceBackend } from '../../../src/reference-backends/v2/index.js';

/** A seeded v2 reference backend on a manual clock and an adapter named `broadcast` wired to it. */
export interface V2Fixture {
  adapter: BackendAdapter;
  backend: V2ReferenceBackend;
  clock: ManualClock;
  close(): Promise<void>;
}

/** Builds a v2 adapter for a base URL, with short budgets so failing tests fail fast. */
export function createAdapter(baseUrl: string, apiKey: string, name = 'broadcast'): BackendAdapter {
  return v2Adapter.create(
    { name, kind: 'v2', baseUrl, apiKey, timeoutMs: 2000, retries: 2, maxConnections: 4 },
    { logger: pino({ level: 'silent' }) },
  );
}

/** After the newest seeded createdAt (2026-08-15), so seed times are in the past as in a real deployment. */
export const FIXTURE_START = Date.UTC(2026, 8, 1);

/** Starts the seeded reference backend on a manual clock at {@link FIXTURE_START}, and an adapter for it. */
export async function startV2Fixture(): Promise<V2Fixture> {
  const clock = new ManualClock(FIXTURE_START);
  const backend = await startV2Backend({ clock });
  const adapter = createAdapter(backend.url, backend.credentials.apiKey);
  return {
    adapter,
    backend,
    clock,
    close: async () => {
      await adapter.close();
      await backend.close();
    },
  };
}

/** A plain, authenticated JSON request to the reference backend, to check its state without the adapter. */
export async function backendCall(backend: V2ReferenceBackend, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${backend.url}${path}`, {
    method,
    headers: { 'x-api-key': backend.credentials.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** A tiny node:http server answering every request with `answer`, for wire shapes the reference backend never sends. */
export interface StubServer {
  url: string;
  /** Headers of every request received. */
  received: IncomingMessage['headers'][];
  close(): Promise<void>;
}

/** Starts a {@link StubServer} on port 0. */
export async function startStub(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<StubServer> {
  const received: IncomingMessage['headers'][] = [];
  const server = createServer((request, response) => {
    received.push(request.headers);
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Answers JSON with a status. */
export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
