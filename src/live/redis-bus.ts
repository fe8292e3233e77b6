import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LocalListeners, type BusListener, type LiveBus } from './live-bus.js';

/** Options of {@link createRedisBus}. */
export interface RedisBusOptions {
  /** Connection for PUBLISH. */
  publisher: Redis;
  /** Connection in subscriber mode (it can run no other command). */
  subscriber: Redis;
  /** Put before every topic to make the Redis channel, e.g. `campaign-gateway:live:`. */
  channelPrefix: string;
  logger: Logger;
}

/** What travels on a channel: the publishing replica and the payload. */
interface Envelope {
  o: string;
  p: unknown;
}

/**
 * A bus over Redis pub/sub that delivers to this replica's own listeners
 * directly and to the other replicas through Redis; a replica drops its own
 * messages when they come back, so each listener gets each event once.
 *
 * While Redis is away nothing hangs or throws: publishes still reach local
 * listeners, failed commands are logged once per outage, and when Redis is
 * back every topic that still has listeners is subscribed again.
 */
export function createRedisBus(options: RedisBusOptions): LiveBus {
  const { publisher, subscriber, channelPrefix, logger } = options;
  const origin = randomUUID();
  const listeners = new LocalListeners();
  /** SUBSCRIBE commands not yet answered, by topic (settled either way). */
  const pending = new Map<string, Promise<void>>();
  let failing = false;

  const warn = (what: string) => (error: unknown) => {
    if (failing) return;
    failing = true;
    logger.warn({ err: (error as Error).message }, `redis ${what} failed: events reach this replica's subscribers only`);
  };
  const listenerError = (error: unknown) => logger.error({ err: error }, 'live event listener failed');

  const redisSubscribe = (topic: string) => {
    const sent = subscriber
      .subscribe(channelPrefix + topic)
      .then(() => {
        failing = false;
      }, warn('subscribe'))
      .finally(() => {
        if (pending.get(topic) === sent) pending.delete(topic);
      });
    pending.set(topic, sent);
  };

  const onMessage = (channel: string, message: string) => {
    if (!channel.startsWith(channelPrefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    if (envelope.o === origin) return;
    listeners.emit(channel.slice(channelPrefix.length), envelope.p, listenerError);
  };
  // A new connection has no subscriptions (autoResubscribe is off): restore every topic still listened to.
  const onReady = () => {
    for (const topic of listeners.topics()) redisSubscribe(topic);
  };
  subscriber.on('message', onMessage);
  subscriber.on('ready', onReady);

  return {
    publish(topic, payload) {
      listeners.emit(topic, payload, listenerError);
      const envelope: Envelope = { o: origin, p: payload };
      publisher.publish(channelPrefix + topic, JSON.stringify(envelope)).then(() => {
        failing = false;
      }, warn('publish'));
    },
    subscribe(topic: string, listener: BusListener) {
      if (listeners.add(topic, listener)) redisSubscribe(topic);
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        if (!listeners.remove(topic, listener)) return;
        pending.delete(topic);
        // Failing while Redis is away is fine: the next connection starts without it.
        subscriber.unsubscribe(channelPrefix + topic).catch(() => {});
      };
    },
    ready: (topic) => pending.get(topic) ?? Promise.resolve(),
    get listenerCount() {
      return listeners.count;
    },
    async close() {
      subscriber.off('message', onMessage);
      subscriber.off('ready', onReady);
    },
  };
}
