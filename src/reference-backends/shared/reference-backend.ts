import type { Clock } from './clock.js';
import type { FaultSwitches } from './faults.js';
import type { RequestLog } from './request-log.js';

/** The config `kind` of each backend (CONTRACT.md). */
export type BackendKindName = 'workspace' | 'v2' | 'schemaType' | 'touchpoint';

/** Options every reference backend factory takes. */
export interface ReferenceBackendOptions {
  /** Port to listen on; default 0 (any free port). */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Load the built-in demo data (default true); false starts empty. */
  seed?: boolean;
  /** Source of "now" for timestamps and time-driven state; default the system clock. */
  clock?: Clock;
}

/** A running reference backend with its test hooks. */
export interface ReferenceBackend<Credentials extends Record<string, string> = Record<string, string>> {
  kind: BackendKindName;
  /** Base URL to put in a gateway config's `baseUrl`, e.g. `http://127.0.0.1:7002`. */
  url: string;
  /** The config fields that authenticate against this backend (e.g. `{ apiKey }`). */
  credentials: Credentials;
  /** Fault switches; see {@link FaultSwitches}. */
  faults: FaultSwitches;
  /** Every request received, for counting upstream calls. */
  requests: RequestLog;
  /** A gateway config entry (CONTRACT.md format) that points at this backend. */
  configEntry(name: string): { name: string; kind: BackendKindName; baseUrl: string } & Credentials;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}
