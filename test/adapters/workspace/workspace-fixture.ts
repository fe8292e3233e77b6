import { pino } from 'pino';
import { startFakeJsonBackend, type FakeAnswer, type FakeJsonBackend, type FakeRequest } from '../../support/fake-json-backend.js';
import { request } from 'undici';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { workspaceAdapter } from '../../../src/adapters/workspace/index.js';
import { startWorkspaceBackend, type WorkspaceBackendOptions, type WorkspaceReferenceBackend } from '../../../src/reference-backends/workspace/index.js';

/** A workspace adapter named `growth` pointed at `baseUrl`. */
export function workspaceAdapterFor(baseUrl: string, overrides: { workspaceId?: string; sessionToken?: string; retries?: number } = {}): BackendAdapter {
  return workspaceAdapter.create(
    {
      name: 'growth',
      kind: 'workspace',
      baseUrl,
      workspaceId: overrides.workspaceId ?? 'ws_demo',
      sessionToken: overrides.sessionToken ?? 'ws-demo-session-token',
      timeoutMs: 2000,
      retries: overrides.retries ?? 1,
      maxConnections: 10,
    },
    { logger: pino({ level: 'silent' }) },
  );
}

/** A reference workspace backend (port 0) and an adapter configured for it. */
export async function startWorkspaceFixture(options: WorkspaceBackendOptions = {}): Promise<{ backend: WorkspaceReferenceBackend; adapter: BackendAdapter }> {
  const backend = await startWorkspaceBackend(options);
  const adapter = workspaceAdapterFor(backend.url, backend.credentials);
  return { backend, adapter };
}

/** Reads the backend's own state over plain HTTP, bypassing the adapter. */
export async function backendGet(backend: WorkspaceReferenceBackend, path: string): Promise<{ status: number; json: any }> {
  const url = `${backend.url}/api/workspaces/${backend.credentials.workspaceId}${path}`;
  const response = await request(url, { headers: { authorization: `Bearer ${backend.credentials.sessionToken}` } });
  const text = await response.body.text();
  return { status: response.statusCode, json: text === '' ? undefined : JSON.parse(text) };
}

export type { FakeRequest };

/** A tiny node:http server (port 0) answering each request with `answer`, for wire shapes the reference backend never produces. */
export function startFakeWorkspace(answer: (request: FakeRequest) => FakeAnswer): Promise<FakeJsonBackend> {
  return startFakeJsonBackend(answer);
}

/** A valid workspace campaign record for fake servers; `overrides` replace fields. */
export function wireCampaign(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cmp_fake',
    name: 'Fake',
    description: null,
    status: 'ACTIVE',
    type: 'AUTOMATED',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    startAt: null,
    endAt: null,
    settings: {},
    triggers: [],
    _count: { enrollments: 1, messages: 2 },
    workflow: {
      nodes: [{ id: 'n1', kind: 'ACTION', type: 'SEND_MESSAGE', position: 0, name: 'Mail', config: { channel: 'EMAIL', subject: 'Hi', body: 'Hello' } }],
      edges: [],
    },
    ...overrides,
  };
}

/** Runs `promise` and returns the error it rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
