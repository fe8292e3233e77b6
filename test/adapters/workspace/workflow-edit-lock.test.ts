import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendAdapter } from '../../../src/adapters/seam/backend-adapter.js';
import { EditLockTimeout, type EditLock } from '../../../src/adapters/edit-lock.js';
import { workspaceAdapter } from '../../../src/adapters/workspace/index.js';
import { startWorkspaceBackend, type WorkspaceReferenceBackend } from '../../../src/reference-backends/workspace/index.js';
import { rejection } from './workspace-fixture.js';
import { facetOf } from '../../../src/adapters/seam/capabilities.js';

/** A workspace adapter on `backend` that edits under `editLock`. */
function adapterWith(backend: WorkspaceReferenceBackend, editLock: EditLock): BackendAdapter {
  return workspaceAdapter.create(
    { name: 'growth', kind: 'workspace', baseUrl: backend.url, ...backend.credentials, timeoutMs: 2000, retries: 1, maxConnections: 10 },
    { logger: pino({ level: 'silent' }), editLock },
  );
}

const TAG = { name: 'Tag', type: 'ACTION', rawType: 'ADD_TAG', config: { tag: 'x' } } as const;

describe('workspace edits under the edit lock it is given', () => {
  let backend: WorkspaceReferenceBackend;
  const adapters: BackendAdapter[] = [];
  const adapter = (lock: EditLock) => {
    const made = adapterWith(backend, lock);
    adapters.push(made);
    return made;
  };

  beforeAll(async () => {
    backend = await startWorkspaceBackend();
  });
  afterAll(async () => {
    await Promise.all(adapters.map((a) => a.close()));
    await backend?.close();
  });

  it('takes the lock of `<backend>:<campaign>` for every create, update and delete', async () => {
    const keys: string[] = [];
    const recording: EditLock = { withLock: (key, work) => (keys.push(key), work(new AbortController().signal)) };
    const growth = adapter(recording);
    const created = await facetOf(growth, 'touchpointWrites').create('cmp_spring_sale', TAG, {});
    const key = { campaignNativeId: 'cmp_spring_sale', nativeId: created.nativeId };
    await facetOf(growth, 'touchpointWrites').update(key, { name: 'Renamed' }, {});
    await facetOf(growth, 'touchpointWrites').delete(key, {});
    expect(keys).toEqual(['growth:cmp_spring_sale', 'growth:cmp_spring_sale', 'growth:cmp_spring_sale']);
  });

  it('answers CONFLICT for the campaign, without calling the backend, when the lock cannot be had in time', async () => {
    const busy: EditLock = { withLock: async (key) => Promise.reject(new EditLockTimeout(key, 10_000)) };
    const before = backend.requests.count();
    const error = await rejection(facetOf(adapter(busy), 'touchpointWrites').create('cmp_spring_sale', TAG, {}));
    expect(error).toMatchObject({ code: 'CONFLICT', backend: 'growth', message: 'campaign "cmp_spring_sale" is being edited by another request; try again' });
    expect(backend.requests.count()).toBe(before);
  });

  it('does not send the workflow when the lock was lost while the campaign was read', async () => {
    const lost = new AbortController();
    const losing: EditLock = {
      withLock: async (_key, work) => {
        // The renewal that finds the lock gone lands while the edit reads the campaign.
        setImmediate(() => lost.abort());
        return work(lost.signal);
      },
    };
    const patches = backend.requests.count({ method: 'PATCH' });
    const error = await rejection(facetOf(adapter(losing), 'touchpointWrites').create('cmp_spring_sale', TAG, {}));
    expect(error).toMatchObject({ code: 'CONFLICT', backend: 'growth' });
    expect(backend.requests.count({ method: 'PATCH' })).toBe(patches);
  });
});
