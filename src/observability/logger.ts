import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

/** The levels `LOG_LEVEL` may name. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written; default `info`. */
  level?: string;
  /** Human-readable lines (pino-pretty) instead of JSON; default: when stdout is a terminal. */
  pretty?: boolean;
}

/** Field names whose values are never written, at the top of a line or one level down. */
const SECRET_KEYS = ['key', 'apiKey', 'token', 'sessionToken', 'authorization', 'password'];

/** A bad `LOG_LEVEL`. */
export class LogLevelError extends Error {
  constructor(level: string) {
    super(`LOG_LEVEL "${level}" is not a level: use one of ${LOG_LEVELS.join(', ')}`);
    this.name = 'LogLevelError';
  }
}

/**
 * The process logger: JSON lines on stdout (one object per line, for a log
 * collector), or pretty lines when a person watches a terminal. Anything that
 * looks like a key or token is redacted, at the top of a line or one level down.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new LogLevelError(level);
  const settings = { level, redact: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]) };
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  // In-process and synchronous, so nothing is lost when the process exits right after a line.
  return pretty ? pino(settings, PinoPretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })) : pino(settings);
}
