import { randomUUID } from 'node:crypto';
import type { PubSub } from 'graphql-yoga';
import { facetOf } from '../adapters/seam/capabilities.js';
import { GatewayError, notFound } from '../model/errors.js';
import { campaignGlobalId } from '../model/global-id.js';
import type { BackendSet } from '../gateway/backend-set.js';
import type { RequestScope } from '../observability/request-scope.js';
import { DeliveryPoller } from './delivery-poller.js';
import { MemoryLatestReadings, type LatestReadings } from './latest-readings.js';
import { busFromPubSub, createMemoryBus, type LiveBus } from './live-bus.js';
import { localLease, type PollLease } from './poll-lease.js';
import { countersChanged, isDeliveryDone, type LiveDeliveryStats, type StatsReading } from './stats-event.js';
import { StatsStream } from './stats-stream.js';

/** A campaign whose counters are watched. */
export interface WatchedCampaign {
  backend: string;
  nativeId: string;
}

/** Topics of the live bus: counter changes per campaign, and refresh requests for the polling replica. */
export type LiveTopics = {
  [topic: `deliveryStats:${string}`]: [StatsReading];
  [topic: `deliveryStatsRefresh:${string}`]: [true];
};

const statsTopic = (id: string) => `deliveryStats:${id}` as const;
const refreshTopic = (id: string) => `deliveryStatsRefresh:${id}` as const;

/** Options of {@link DeliveryStatsHub}. */
export interface DeliveryStatsHubOptions {
  backends: BackendSet;
  /** How events travel; default in-process. With Redis, subscribers on every replica get each change. */
  bus?: LiveBus;
  /** A yoga PubSub to carry the events instead of `bus` (for callers that already build one). */
  pubsub?: PubSub<LiveTopics>;
  /** Which replica polls; default: this one (single replica). */
  lease?: PollLease;
  /** Where the newest reading of each campaign is kept for new watches; default in-process for one poll interval. */
  latest?: LatestReadings;
  /** Poll interval in ms (config `pollIntervalMs`). */
  pollIntervalMs: number;
  /** Longest wait between reads while a backend fails; default 60 000 ms. */
  maxBackoffMs?: number;
}

/** What the hub has done since it started (for tests and metrics). */
export interface HubCounters {
  /** Backend reads by this replica's pollers. */
  polls: number;
  /** Of those, the ones that failed. */
  failedPolls: number;
  /** Backend reads made to give a new watch its first value (no kept reading). */
  firstReads: number;
  /** New watches that started from a kept reading, without a read. */
  keptStarts: number;
  /** Changes a non-polling replica took from the kept reading because their event never arrived. */
  reconciled: number;
}

interface Watch {
  id: string;
  campaign: WatchedCampaign;
  poller: DeliveryPoller;
  streams: Set<StatsStream>;
  /** Settles when the watch has its first value and its poller runs. */
  opening: Promise<void>;
  stopped: boolean;
  /** Events received so far; a reconciliation that saw one arrive meanwhile is dropped. */
  events: number;
  /** The replica and time of the newest reading taken. */
  lastBy: string | undefined;
  lastAt: number;
  reconciling: boolean;
  stopListening: () => void;
}

/**
 * Live delivery counters. One watch per campaign on each replica, shared by
 * all of its subscribers there: it starts with the first and stops with the
 * last. Its poller reads the backend only while this replica holds the
 * campaign's lease, and publishes changes on the bus, so that with Redis
 * subscribers on every replica get each change once while one replica polls.
 *
 * Every read is also kept (`latest`): a new watch starts from it instead of
 * reading the backend, and a replica that does not poll checks it once per
 * interval, so a change whose event got lost still reaches its subscribers.
 */
export class DeliveryStatsHub {
  readonly #watches = new Map<string, Watch>();
  readonly #bus: LiveBus;
  readonly #lease: PollLease;
  readonly #latest: LatestReadings;
  readonly #releases = new Set<Promise<void>>();
  /** Backend reads in flight by campaign: a new watch's poller joins one a stopped watch left running. */
  readonly #reads = new Map<string, Promise<LiveDeliveryStats>>();
  /** Marks this replica's readings, so others can order the readings of each replica. */
  readonly #replica = randomUUID();
  readonly #counters: HubCounters = { polls: 0, failedPolls: 0, firstReads: 0, keptStarts: 0, reconciled: 0 };
  #closed = false;

  constructor(private readonly options: DeliveryStatsHubOptions) {
    this.#bus = options.bus ?? (options.pubsub ? busFromPubSub(options.pubsub as never) : createMemoryBus());
    this.#lease = options.lease ?? localLease;
    this.#latest = options.latest ?? new MemoryLatestReadings(options.pollIntervalMs);
  }

  /** Campaigns watched by this replica now (for metrics and leak checks). */
  get watchedCount(): number {
    return this.#watches.size;
  }

  /** Subscribers on this replica now. */
  get subscriberCount(): number {
    let total = 0;
    for (const watch of this.#watches.values()) total += watch.streams.size;
    return total;
  }

  /** Bus listeners this hub holds now (two per watched campaign). */
  get listenerCount(): number {
    return this.#bus.listenerCount;
  }

  get counters(): Readonly<HubCounters> {
    return { ...this.#counters };
  }

  /**
   * The current counters first, then each change. Rejects before any value
   * with `UNSUPPORTED` for a backend without counters, `NOT_FOUND` for an
   * unknown campaign, or the backend's error when the first value cannot be
   * read. The stream ends after counters marked `done` (for a campaign that
   * was done already, after the first value), when it is returned, when
   * `signal` aborts, or when the hub closes.
   */
  async subscribe(campaign: WatchedCampaign, options: { signal?: AbortSignal; scope?: RequestScope } = {}): Promise<AsyncIterableIterator<LiveDeliveryStats>> {
    if (this.#closed) throw new GatewayError('BACKEND_UNAVAILABLE', 'the gateway is shutting down');
    const adapter = this.options.backends.get(campaign.backend);
    if (!adapter) throw notFound(`campaign "${campaign.nativeId}"`);
    facetOf(adapter, 'deliveryStats');

    const id = campaignGlobalId(campaign);
    const watch = this.#watches.get(id) ?? this.#startWatch(id, campaign, options.scope);
    const { signal } = options;
    const onAbort = () => stream.close();
    const stream = new StatsStream(() => {
      signal?.removeEventListener('abort', onAbort);
      this.#detach(watch, stream);
    });
    watch.streams.add(stream);
    if (signal?.aborted) stream.close();
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await watch.opening;
    } catch (error) {
      stream.close();
      throw error;
    }
    if (watch.poller.last) stream.push(watch.poller.last);
    return stream;
  }

  /** Asks for an immediate poll of a campaign (after a resend), wherever its poller runs. Never throws. */
  refresh(campaign: WatchedCampaign): void {
    const id = campaignGlobalId(campaign);
    // The kept reading predates the resend; forget it first (the same Redis connection
    // sends this before the PUBLISH, so the poll it triggers cannot be overwritten by it).
    void this.#latest.delete(id);
    this.#bus.publish(refreshTopic(id), true);
  }

  /** Ends every stream, stops every poller and gives every lease back (shutdown). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const watch of [...this.#watches.values()]) {
      for (const stream of [...watch.streams]) stream.close();
      if (!watch.stopped) this.#stopWatch(watch);
    }
    await Promise.all(this.#releases);
  }

  /** `opener`: the request that starts the watch; its first read is made for it, every poll after it for no request. */
  #startWatch(id: string, campaign: WatchedCampaign, opener: RequestScope | undefined): Watch {
    const poller = new DeliveryPoller({
      intervalMs: this.options.pollIntervalMs,
      maxBackoffMs: this.options.maxBackoffMs,
      read: () => this.#poll(id, campaign),
      mayPoll: () => this.#lease.acquire(id),
      onChange: (reading) => this.#bus.publish(statsTopic(id), { ...reading, by: this.#replica }),
      onReading: (reading) => void this.#latest.set(id, { ...reading, by: this.#replica }),
      onIdleTick: () => void this.#reconcile(watch),
    });
    const watch: Watch = {
      id,
      campaign,
      poller,
      streams: new Set(),
      opening: Promise.resolve(),
      stopped: false,
      events: 0,
      lastBy: undefined,
      lastAt: 0,
      reconciling: false,
      stopListening: () => {},
    };
    // Every change, this replica's or another's, reaches the streams through here.
    const offStats = this.#bus.subscribe(statsTopic(id), (payload) => {
      watch.events += 1;
      this.#accept(watch, payload as StatsReading);
    });
    const offRefresh = this.#bus.subscribe(refreshTopic(id), () => poller.pollNow());
    watch.stopListening = () => {
      offStats();
      offRefresh();
    };
    watch.opening = this.#open(watch, opener);
    // Every subscriber awaits `opening`; this only keeps a failure from counting as unhandled.
    watch.opening.catch(() => {});
    this.#watches.set(id, watch);
    return watch;
  }

  /**
   * Gives a new watch its first value, then starts its poller: a reading kept
   * by whichever replica read last (free), else one read of the backend.
   */
  async #open(watch: Watch, opener: RequestScope | undefined): Promise<void> {
    // Listen before reading, so that no change published meanwhile is missed.
    await this.#bus.ready(statsTopic(watch.id));
    const kept = await this.#latest.get(watch.id);
    if (watch.stopped) return;
    if (kept) {
      this.#counters.keptStarts += 1;
      this.#seed(watch, kept);
    } else {
      this.#counters.firstReads += 1;
      const reading: StatsReading = { stats: await this.#read(watch.campaign, opener), at: Date.now(), by: this.#replica };
      this.#seed(watch, reading);
      void this.#latest.set(watch.id, reading);
    }
    if (!watch.stopped) watch.poller.start();
  }

  /** Takes a reading as the newest, unless the same replica already sent a later one (a late duplicate). */
  #accept(watch: Watch, reading: StatsReading): void {
    if (reading.by !== undefined && reading.by === watch.lastBy && reading.at < watch.lastAt) return;
    watch.lastBy = reading.by;
    watch.lastAt = reading.at;
    watch.poller.observe(reading.stats);
    for (const stream of watch.streams) stream.push(reading.stats);
  }

  /**
   * On a replica that does not poll, compares the counters with the reading the
   * polling replica keeps, once per interval. Redis pub/sub delivers at most
   * once: a message published while this replica's subscriber connection was
   * down is gone, and for a finished campaign no later change would ever
   * correct it. A reading fetched while an event arrived may be older than
   * that event, so it is dropped (the next tick tries again).
   */
  async #reconcile(watch: Watch): Promise<void> {
    if (watch.reconciling || !watch.poller.last) return;
    watch.reconciling = true;
    try {
      const seen = watch.events;
      const kept = await this.#latest.get(watch.id);
      if (!kept || watch.stopped || watch.events !== seen) return;
      if (countersChanged(watch.poller.last, kept.stats)) {
        this.#counters.reconciled += 1;
        this.#accept(watch, kept);
      }
    } finally {
      watch.reconciling = false;
    }
  }

  /** The first value, unless an event came in while it was fetched (that one is newer). */
  #seed(watch: Watch, reading: StatsReading): void {
    if (watch.poller.last) return;
    watch.poller.seed(reading);
    watch.lastBy = reading.by;
    watch.lastAt = reading.at;
  }

  #detach(watch: Watch, stream: StatsStream): void {
    watch.streams.delete(stream);
    if (watch.streams.size === 0 && !watch.stopped) this.#stopWatch(watch);
  }

  #stopWatch(watch: Watch): void {
    watch.stopped = true;
    if (this.#watches.get(watch.id) === watch) this.#watches.delete(watch.id);
    watch.poller.stop();
    watch.stopListening();
    const release = this.#lease.release(watch.id).catch(() => {});
    this.#releases.add(release);
    void release.finally(() => this.#releases.delete(release));
  }

  /**
   * A poller's read. Subscribers that come and go faster than the backend
   * answers start a new watch while the last one's read is still running; they
   * share that read instead of sending another.
   */
  #poll(id: string, campaign: WatchedCampaign): Promise<LiveDeliveryStats> {
    const running = this.#reads.get(id);
    if (running) return running;
    this.#counters.polls += 1;
    const read = this.#read(campaign, undefined)
      .catch((error: unknown) => {
        this.#counters.failedPolls += 1;
        throw error;
      })
      .finally(() => this.#reads.delete(id));
    this.#reads.set(id, read);
    return read;
  }

  async #read(campaign: WatchedCampaign, scope: RequestScope | undefined): Promise<LiveDeliveryStats> {
    const adapter = this.options.backends.forId(campaign.backend);
    // No per-request memo: every read must see the backend's state now.
    const reading = await facetOf(adapter, 'deliveryStats').read(campaign.nativeId, scope ? { scope } : {});
    if (!reading) throw notFound(`campaign "${campaign.nativeId}"`, adapter.name);
    return { ...reading.stats, stale: false, done: isDeliveryDone(reading.status) };
  }
}
