import type { Clock } from './clock.js';
import type { FaultSwitches } from './faults.js';
import type { RequestHold } from './request-hold.js';
import type { RequestLog } from './request-log.js';

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
export interface ReferenceBackend<Credentials extends Record<string, string> = Record<string, string>, Kind extends string = string> {
  /** The config `kind` of the backend it stands in for (that of its registry entry's adapter). */
  kind: Kind;
  /** Base URL to put in a gateway config's `baseUrl`, e.g. `http://127.0.0.1:7002`. */
  url: string;
  /** The config fields that authenticate against this backend (e.g. `{ apiKey }`). */
  credentials: Credentials;
  /** Fault switches; see {@link FaultSwitches}. */
  faults: FaultSwitches;
  /** Every request received, for counting upstream calls. */
  requests: RequestLog;
  /** Holds requests unanswered and counts those open at once; see {@link RequestHold}. */
  hold: RequestHold;
  /** A gateway config entry (CONTRACT.md format) that points at this backend. */
  configEntry(name: string): { name: string; kind: Kind; baseUrl: string } & Credentials;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** What the registry's starter passes to each kind's reference backend. */
export interface ReferenceStartOptions extends ReferenceBackendOptions {
  /**
   * Keep the data moving for someone watching (the demo, `npm run backends`):
   * a kind with time-driven state keeps something in progress and, with
   * `tickIntervalMs`, moves it on by itself at that interval. Absent (the
   * tests): nothing moves unless a test moves it.
   */
  live?: { tickIntervalMs?: number };
}

/**
 * A backend kind's reference backend as the registry knows it: how the demo,
 * `npm run backends` and the tests start it, and what the demo calls it.
 */
export interface ReferenceBackendKind<Backend extends ReferenceBackend = ReferenceBackend> {
  /** The backend's name in the demo's config (`growth`): what GraphQL calls it there. */
  demoName: string;
  /** Starts the backend on `options.port`, seeded unless `options.seed` is false. */
  start(options: ReferenceStartOptions): Promise<Backend>;
  /**
   * A `createCampaign` input (without `backend`) that this backend accepts as it
   * is, for GraphiQL's examples; `stamp` keeps names of repeated runs apart.
   * Absent: no example for this kind.
   */
  exampleCreateInput?(backend: Backend, stamp: string): Record<string, unknown>;
  /** The native id of a campaign whose delivery counters move right now, if any (GraphiQL's subscription example). */
  liveCampaignId?(backend: Backend): string | undefined;
}
