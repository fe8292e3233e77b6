import { Redis, type Command, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** Longest wait for the answer to one Redis command; default 500 ms. Redis answers in well under a millisecond. */
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 500;

/** Options of {@link createRedisConnection}. */
export interface RedisConnectionOptions {
  url: string;
  /** What the connection is for (`commands`, `subscriber`); shown in logs and `CLIENT LIST`. */
  role: string;
  logger: Logger;
  /** Longest wait between reconnection attempts; default 2000 ms. */
  maxReconnectDelayMs?: number;
  /** What the outage warning says; default that live updates stay on this replica. */
  unreachableMessage?: string;
  /** Longest wait for one command; default 500 ms (see {@link FailFastRedis}). */
  commandTimeoutMs?: number;
}

/**
 * Settings that make every command fail fast while Redis is away instead of
 * waiting for it: a query, a mutation (`resendMessage` publishes a refresh) or
 * a poll tick must never hang on Redis.
 */
export function failFastRedisOptions(maxReconnectDelayMs = 2000, commandTimeoutMs = DEFAULT_REDIS_COMMAND_TIMEOUT_MS): RedisOptions {
  return {
    // No queue while disconnected: a command then fails at once ("Stream isn't writeable").
    enableOfflineQueue: false,
    // A command in flight when the connection drops fails instead of being resent later.
    maxRetriesPerRequest: 0,
    // A connection that does not open, or a command that gets no answer, gives up after this.
    connectTimeout: 2000,
    commandTimeout: commandTimeoutMs,
    // Reconnect forever, quickly at first; the live bus resubscribes its topics on `ready`.
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, maxReconnectDelayMs),
    autoResubscribe: false,
  };
}

/**
 * A connection that treats a command timeout as a dead connection. A Redis that
 * is frozen (stopped, or cut off behind a proxy, its TCP connection still open)
 * never answers, and the connection still reads as ready, so every command
 * would wait its whole timeout. The first timeout therefore drops the
 * connection: the commands behind it fail at once, later ones fail at once
 * (no offline queue) as they do while Redis is down, and the connection comes
 * back only through a reconnect whose ready check Redis answers. A request thus
 * waits on a frozen Redis for one command timeout at most, then falls back.
 */
export class FailFastRedis extends Redis {
  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    const sent = super.sendCommand(command, stream);
    (sent as Promise<unknown>).catch?.((error: unknown) => {
      if ((error as Error)?.message !== 'Command timed out' || this.status !== 'ready') return;
      if (this.listenerCount('error') > 0) this.emit('error', error);
      this.disconnect(true);
    });
    return sent;
  }
}

/** A Redis connection with fail-fast settings that logs an outage once, not once per retry. */
export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const client = new FailFastRedis(options.url, {
    ...failFastRedisOptions(options.maxReconnectDelayMs, options.commandTimeoutMs),
    connectionName: `campaign-gateway:${options.role}`,
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.logger.warn(
      { err: error.message, role: options.role },
      options.unreachableMessage ?? 'redis unreachable: live updates stay on this replica until it is back',
    );
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    options.logger.info({ role: options.role }, 'redis reachable again');
  });
  return client;
}

/** Resolves when the client is ready or `timeoutMs` passed, whichever is first; never rejects. */
export function whenReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once('ready', done);
  });
}
