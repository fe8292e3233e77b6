import type { PubSub } from 'graphql-yoga';
import { GatewayError, notFound, unsupported } from '../model/errors.js';
import { campaignGlobalId } from '../model/global-id.js';
import type { BackendSet } from '../gateway/backend-set.js';
import { DeliveryPoller } from './delivery-poller.js';
import { localLease, type PollLease } from './poll-lease.js';
import { countersChanged, type LiveDeliveryStats } from './stats-event.js';

/** A campaign whose counters are watched. */
export interface WatchedCampaign {
  backend: string;
  nativeId: string;
}

/** Topics of the hub's pub/sub: counter changes per campaign, and refresh requests for the polling replica. */
export type LiveTopics = {
  [topic: `deliveryStats:${string}`]: [LiveDeliveryStats];
  [topic: `deliveryStatsRefresh:${string}`]: [true];
};

/** Options of {@link DeliveryStatsHub}. */
export interface DeliveryStatsHubOptions {
  backends: BackendSet;
  /** In-process, or Redis-backed so that several replicas share events. */
  pubsub: PubSub<LiveTopics>;
  /** Which replica polls; default: this one (single replica). */
  lease?: PollLease;
  /** Poll interval in ms (config `pollIntervalMs`). */
  pollIntervalMs: number;
}

interface Watch {
  campaign: WatchedCampaign;
  poller: DeliveryPoller;
  subscribers: number;
  /** Stops the watch's own listeners (last-value tracking, refresh requests). */
  stopListening: () => void;
  directRead?: Promise<LiveDeliveryStats>;
}

/**
 * Live delivery counters. One poller per campaign, shared by all of its
 * subscribers: it starts with the first and stops with the last. Readings go
 * through the pub/sub so that, with Redis, subscribers on every replica get
 * each change while only the lease holder polls.
 */
export class DeliveryStatsHub {
  readonly #watches = new Map<string, Watch>();
  readonly #lease: PollLease;

  constructor(private readonly options: DeliveryStatsHubOptions) {
    this.#lease = options.lease ?? localLease;
  }

  /** Campaigns watched by this replica now (for metrics and leak checks). */
  get watchedCount(): number {
    return this.#watches.size;
  }

  /** Subscribers on this replica now. */
  get subscriberCount(): number {
    let total = 0;
    for (const watch of this.#watches.values()) total += watch.subscribers;
    return total;
  }

  /**
   * The current counters first, then each change. Throws `UNSUPPORTED` for a
   * backend without counters, `NOT_FOUND` for an unknown campaign.
   */
  async *subscribe(campaign: WatchedCampaign): AsyncGenerator<LiveDeliveryStats> {
    const adapter = this.options.backends.get(campaign.backend);
    if (!adapter) throw notFound('campaign');
    if (!adapter.capabilities.has('DELIVERY_STATS')) throw unsupported(adapter.name, 'delivery counters');
    const id = campaignGlobalId(campaign);
    const watch = this.#retain(id, campaign);
    // Subscribe before reading the current value so no change in between is lost.
    const events = this.options.pubsub.subscribe(`deliveryStats:${id}`);
    try {
      let sent = await this.#current(watch);
      yield sent;
      for await (const stats of events) {
        if (!countersChanged(sent, stats)) continue;
        sent = stats;
        yield stats;
      }
    } finally {
      await events.return();
      this.#releaseWatch(id);
    }
  }

  /** Asks for an immediate poll of a campaign (after a resend), wherever its poller runs. */
  refresh(campaign: WatchedCampaign): void {
    this.options.pubsub.publish(`deliveryStatsRefresh:${campaignGlobalId(campaign)}`, true);
  }

  /** Stops every poller (shutdown). Open subscriptions end when their transports close. */
  async close(): Promise<void> {
    for (const [id, watch] of this.#watches) {
      watch.poller.stop();
      watch.stopListening();
      await this.#lease.release(id);
    }
    this.#watches.clear();
  }

  #retain(id: string, campaign: WatchedCampaign): Watch {
    const existing = this.#watches.get(id);
    if (existing) {
      existing.subscribers += 1;
      return existing;
    }
    const poller = new DeliveryPoller({
      intervalMs: this.options.pollIntervalMs,
      read: () => this.#read(campaign),
      mayPoll: () => this.#lease.acquire(id),
      onChange: (stats) => this.options.pubsub.publish(`deliveryStats:${id}`, stats),
    });
    const changes = this.options.pubsub.subscribe(`deliveryStats:${id}`);
    const refreshes = this.options.pubsub.subscribe(`deliveryStatsRefresh:${id}`);
    void (async () => {
      for await (const stats of changes) poller.observe(stats);
    })();
    void (async () => {
      for await (const _ of refreshes) void poller.pollNow();
    })();
    const watch: Watch = {
      campaign,
      poller,
      subscribers: 1,
      stopListening: () => {
        void changes.return();
        void refreshes.return();
      },
    };
    this.#watches.set(id, watch);
    poller.start();
    return watch;
  }

  #releaseWatch(id: string): void {
    const watch = this.#watches.get(id);
    if (!watch) return;
    watch.subscribers -= 1;
    if (watch.subscribers > 0) return;
    this.#watches.delete(id);
    watch.poller.stop();
    watch.stopListening();
    void this.#lease.release(id).catch(() => {});
  }

  /** The latest counters: the poller's, or one direct read shared by this replica's subscribers. */
  async #current(watch: Watch): Promise<LiveDeliveryStats> {
    await watch.poller.pollNow();
    if (watch.poller.last) return watch.poller.last;
    watch.directRead ??= this.#read(watch.campaign).then((stats) => ({ ...stats, stale: false }));
    try {
      return await watch.directRead;
    } finally {
      watch.directRead = undefined;
    }
  }

  async #read(campaign: WatchedCampaign): Promise<LiveDeliveryStats> {
    const adapter = this.options.backends.get(campaign.backend)!;
    // A fresh read: no per-request memo, every poll must see the backend's state now.
    const [found] = await adapter.getCampaigns([campaign.nativeId], {});
    if (found instanceof Error) throw found;
    if (!found) throw notFound('campaign', adapter.name);
    if (!found.deliveryStats) throw new GatewayError('BACKEND_ERROR', `backend "${adapter.name}" sent no counters`, { backend: adapter.name });
    return { ...found.deliveryStats, stale: false };
  }
}
