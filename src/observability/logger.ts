import { pino, type DestinationStream, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { secretFieldsOf, type BackendKindRegistry } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY } from '../backend-kinds/registry.js';

/** The levels `LOG_LEVEL` may name. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written; default `info`. */
  level?: string;
  /** Human-readable lines (pino-pretty) instead of JSON; default: when stdout is a terminal. */
  pretty?: boolean;
  /** The backend kinds whose secret config fields (`secretFields`) are never written; default every registered kind. */
  kinds?: BackendKindRegistry;
  /** Where JSON lines go; default stdout. */
  destination?: DestinationStream;
}

/** Secrets of the gateway's own: its API keys and the headers and fields that carry credentials. */
const GATEWAY_SECRET_FIELDS = ['key', 'authorization', 'password'];

/** A bad `LOG_LEVEL`. */
export class LogLevelError extends Error {
  constructor(level: string) {
    super(`LOG_LEVEL "${level}" is not a level: use one of ${LOG_LEVELS.join(', ')}`);
    this.name = 'LogLevelError';
  }
}

/** Field names whose values are never written: the gateway's own secrets and every kind's secret config fields. */
export function secretLogFields(kinds: BackendKindRegistry = BACKEND_KIND_REGISTRY): string[] {
  return [...new Set([...GATEWAY_SECRET_FIELDS, ...secretFieldsOf(kinds)])];
}

/**
 * The process logger: JSON lines on stdout (one object per line, for a log
 * collector), or pretty lines when a person watches a terminal. The values of
 * {@link secretLogFields} are redacted, at the top of a line or one level down.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new LogLevelError(level);
  const settings = { level, redact: secretLogFields(options.kinds).flatMap((key) => [key, `*.${key}`]) };
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  // In-process and synchronous, so nothing is lost when the process exits right after a line.
  if (pretty) return pino(settings, PinoPretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
