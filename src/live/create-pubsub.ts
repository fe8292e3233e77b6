import { createPubSub, type PubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LiveTopics } from './delivery-stats-hub.js';

/** The hub's pub/sub and what it holds open. */
export interface LivePubSub {
  pubsub: PubSub<LiveTopics>;
  /** The Redis connection for commands (leases), when Redis is used. */
  redis: Redis | null;
  close(): Promise<void>;
}

/**
 * In-process pub/sub without `redisUrl`; with it, a Redis event target so that
 * every replica's subscribers get every event. The Redis clients reconnect on
 * their own: while Redis is away, queries and mutations are unaffected and
 * subscriptions resume when it is back.
 */
export function createLivePubSub(redisUrl: string | undefined, logger: Logger): LivePubSub {
  if (!redisUrl) return { pubsub: createPubSub<LiveTopics>(), redis: null, close: async () => {} };
  const options = {
    lazyConnect: false,
    // Keep retrying forever, but never queue commands without bound while Redis is away.
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 5000),
  };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection problem'));
  }
  const pubsub = createPubSub<LiveTopics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) as never,
  });
  return {
    pubsub,
    redis: publishClient,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
