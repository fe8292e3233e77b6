import type { PubSub } from 'graphql-yoga';

/** Receives one event's payload. */
export type BusListener = (payload: unknown) => void;

/**
 * How live events travel: in-process for one replica, through Redis for
 * several. Callback-based so that a listener exists from the moment
 * `subscribe` returns (no lazily started iterator can miss an event) and
 * removing it is one synchronous call.
 */
export interface LiveBus {
  /** Delivers `payload` to every listener of `topic` on every replica. Never throws. */
  publish(topic: string, payload: unknown): void;
  /** Adds a listener; the returned function removes it. */
  subscribe(topic: string, listener: BusListener): () => void;
  /**
   * Settles once events that other replicas publish on `topic` reach this one:
   * at once in-process; with Redis when the server confirmed the subscription
   * (or could not, while Redis is away). Never rejects.
   */
  ready(topic: string): Promise<void>;
  /** Listeners registered now (for leak checks). */
  readonly listenerCount: number;
  close(): Promise<void>;
}

/** The listeners of one process, by topic. A throwing listener does not stop the others. */
export class LocalListeners {
  readonly #byTopic = new Map<string, Set<BusListener>>();
  #count = 0;

  get count(): number {
    return this.#count;
  }

  /** Adds a listener; true when it is the topic's first. */
  add(topic: string, listener: BusListener): boolean {
    let set = this.#byTopic.get(topic);
    const first = set === undefined;
    if (!set) this.#byTopic.set(topic, (set = new Set()));
    if (!set.has(listener)) {
      set.add(listener);
      this.#count += 1;
    }
    return first;
  }

  /** Removes a listener; true when the topic has none left. */
  remove(topic: string, listener: BusListener): boolean {
    const set = this.#byTopic.get(topic);
    if (!set?.delete(listener)) return false;
    this.#count -= 1;
    if (set.size > 0) return false;
    this.#byTopic.delete(topic);
    return true;
  }

  topics(): string[] {
    return [...this.#byTopic.keys()];
  }

  emit(topic: string, payload: unknown, onError: (error: unknown) => void): void {
    const set = this.#byTopic.get(topic);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (error) {
        onError(error);
      }
    }
  }
}

/** The single-replica bus: synchronous in-process delivery. */
export function createMemoryBus(): LiveBus {
  const listeners = new LocalListeners();
  return {
    publish: (topic, payload) => listeners.emit(topic, payload, () => {}),
    subscribe(topic, listener) {
      listeners.add(topic, listener);
      return () => void listeners.remove(topic, listener);
    },
    ready: async () => {},
    get listenerCount() {
      return listeners.count;
    },
    close: async () => {},
  };
}

/**
 * Wraps a yoga `PubSub` (in-process or over an event target) as a bus, for
 * callers that already build one. The yoga iterator starts listening on its
 * first `next()`, which the loop below calls before `subscribe` returns.
 */
export function busFromPubSub(pubsub: PubSub<Record<string, [unknown]>>): LiveBus {
  let count = 0;
  return {
    publish: (topic, payload) => pubsub.publish(topic, payload),
    subscribe(topic, listener) {
      const events = pubsub.subscribe(topic);
      count += 1;
      void (async () => {
        for await (const payload of events) {
          try {
            listener(payload);
          } catch {
            // One failing listener must not end the loop for the topic.
          }
        }
      })();
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        count -= 1;
        void events.return?.();
      };
    },
    ready: async () => {},
    get listenerCount() {
      return count;
    },
    close: async () => {},
  };
}
