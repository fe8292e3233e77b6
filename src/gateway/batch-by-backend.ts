import type { CallContext } from '../adapters/http/call-context.js';
import type { BackendAdapter } from '../adapters/seam/backend-adapter.js';
import type { Campaign, ChildKey, Touchpoint } from '../model/unified.js';
import type { BackendSet } from './backend-set.js';

/**
 * The batch loads behind the per-request loaders: each groups its keys by
 * backend, makes one batch call per backend, all backends at once, and answers
 * in the order and length of the keys (null for a record that does not exist,
 * an Error for one that failed or names a backend this gateway does not have).
 */

/** A record key across backends: the backend name and the native key. */
export interface CampaignKey {
  backend: string;
  nativeId: string;
}

/** A touchpoint across backends. */
export interface TouchpointKey extends ChildKey {
  backend: string;
}

/** A campaign whose touchpoints are wanted, with the campaign itself when the caller has it (not part of the key). */
export interface TouchpointsOfCampaignKey extends CampaignKey {
  campaign?: Campaign;
}

async function byBackend<K extends { backend: string }, V>(
  backends: BackendSet,
  keys: readonly K[],
  load: (adapter: BackendAdapter, keys: K[]) => Promise<(V | null | Error)[]> | null,
): Promise<(V | null | Error)[]> {
  const results: (V | null | Error)[] = new Array<V | null | Error>(keys.length).fill(null);
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const group = groups.get(key.backend);
    if (group) group.push(i);
    else groups.set(key.backend, [i]);
  });
  await Promise.all(
    [...groups].map(async ([name, indexes]) => {
      try {
        const loaded = await load(backends.forId(name), indexes.map((i) => keys[i]!));
        if (!loaded) return;
        indexes.forEach((index, j) => (results[index] = loaded[j] ?? null));
      } catch (error) {
        for (const index of indexes) results[index] = error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
  return results;
}

/** Campaigns by key (`getCampaigns` of each backend). */
export function loadCampaigns(backends: BackendSet, call: CallContext, keys: readonly CampaignKey[]): Promise<(Campaign | null | Error)[]> {
  return byBackend(backends, keys, (adapter, group) => adapter.getCampaigns(group.map((key) => key.nativeId), call));
}

/** Touchpoints by key; null where the backend has no touchpoints. */
export function loadTouchpoints(backends: BackendSet, call: CallContext, keys: readonly TouchpointKey[]): Promise<(Touchpoint | null | Error)[]> {
  return byBackend(backends, keys, (adapter, group) => adapter.touchpoints?.get(group, call) ?? null);
}

/** The touchpoints of campaigns, each campaign the caller has passed along so it is not read again; null where the backend has none. */
export function loadTouchpointsOfCampaigns(
  backends: BackendSet,
  call: CallContext,
  keys: readonly TouchpointsOfCampaignKey[],
): Promise<(Touchpoint[] | null | Error)[]> {
  return byBackend(backends, keys, (adapter, group) =>
    adapter.touchpoints?.list(
      group.map((key) => key.nativeId),
      call,
      group.map((key) => key.campaign),
    ) ?? null,
  );
}
