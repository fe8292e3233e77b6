import { pino } from 'pino';
import { createTouchpointAdapter, type TouchpointAdapterOptions } from '../../../src/adapters/touchpoint/index.js';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';

/** The name tests give the backend; it shows up in `Campaign.backend` and error messages. */
export const BACKEND_NAME = 'messaging';

export const silentLogger = pino({ level: 'silent' });

/** An adapter for a touchpoint server at `url` with `token`, with quick timeouts for tests. */
export function adapterFor(server: { url: string; credentials?: { token: string } }, options: TouchpointAdapterOptions & { token?: string } = {}): BackendAdapter {
  const token = options.token ?? server.credentials?.token ?? 'tp-demo-token';
  return createTouchpointAdapter(
    { name: BACKEND_NAME, kind: 'touchpoint', baseUrl: server.url, token, timeoutMs: 2000, retries: 2, maxConnections: 4 },
    { logger: silentLogger },
    options,
  );
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
