import DataLoader from 'dataloader';
import type { CallContext } from '../adapters/http/call-context.js';
import type { ChildKey, Campaign, Touchpoint } from '../model/unified.js';
import type { BackendSet } from './backend-set.js';

/** A record key across backends: the backend name and the native key. */
export interface CampaignKey {
  backend: string;
  nativeId: string;
}

export interface TouchpointKey extends ChildKey {
  backend: string;
}

/** A campaign whose touchpoints are wanted, with the campaign itself when the caller has it (not part of the key). */
export interface TouchpointsOfCampaignKey extends CampaignKey {
  campaign?: Campaign;
}

/** The per-request loaders; `clearAll` after a write so later reads see it. */
export interface Loaders {
  campaign: DataLoader<CampaignKey, Campaign | null, string>;
  touchpointsOfCampaign: DataLoader<TouchpointsOfCampaignKey, Touchpoint[] | null, string>;
  touchpoint: DataLoader<TouchpointKey, Touchpoint | null, string>;
  clearAll(): void;
}

/**
 * Groups keys by backend and calls one batch method per backend, putting each
 * answer back at its key's place (DataLoader needs order and length kept).
 */
function byBackend<K extends { backend: string }, V>(
  backends: BackendSet,
  load: (adapter: NonNullable<ReturnType<BackendSet['get']>>, keys: K[]) => Promise<(V | null | Error)[]> | null,
) {
  return async (keys: readonly K[]): Promise<(V | null | Error)[]> => {
    const results: (V | null | Error)[] = new Array(keys.length).fill(null);
    const groups = new Map<string, number[]>();
    keys.forEach((key, i) => groups.set(key.backend, [...(groups.get(key.backend) ?? []), i]));
    await Promise.all(
      [...groups].map(async ([name, indexes]) => {
        const adapter = backends.get(name);
        if (!adapter) return;
        try {
          const loaded = await load(adapter, indexes.map((i) => keys[i]!));
          if (!loaded) return;
          indexes.forEach((index, j) => (results[index] = loaded[j] ?? null));
        } catch (error) {
          for (const index of indexes) results[index] = error as Error;
        }
      }),
    );
    return results;
  };
}

const campaignKey = (k: CampaignKey) => `${k.backend}\u0000${k.nativeId}`;
const childKey = (k: TouchpointKey) => `${k.backend}\u0000${k.campaignNativeId}\u0000${k.nativeId}`;

/** Creates the loaders of one GraphQL request. */
export function createLoaders(backends: BackendSet, call: CallContext): Loaders {
  const campaign = new DataLoader<CampaignKey, Campaign | null, string>(
    byBackend(backends, (adapter, keys) => adapter.getCampaigns(keys.map((k) => k.nativeId), call)),
    { cacheKeyFn: campaignKey },
  );
  const touchpointsOfCampaign = new DataLoader<TouchpointsOfCampaignKey, Touchpoint[] | null, string>(
    byBackend(backends, (adapter, keys) =>
      adapter.touchpoints?.list(
        keys.map((k) => k.nativeId),
        call,
        keys.map((k) => k.campaign),
      ) ?? null,
    ),
    { cacheKeyFn: campaignKey },
  );
  const touchpoint = new DataLoader<TouchpointKey, Touchpoint | null, string>(
    byBackend(backends, (adapter, keys) => adapter.touchpoints?.get(keys, call) ?? null),
    { cacheKeyFn: childKey },
  );
  return {
    campaign,
    touchpointsOfCampaign,
    touchpoint,
    clearAll() {
      campaign.clearAll();
      touchpointsOfCampaign.clearAll();
      touchpoint.clearAll();
    },
  };
}
