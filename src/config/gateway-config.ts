import type { CommonBackendConfig } from '../adapters/adapter.js';
import type { Scope } from './config-schema.js';

/** A backend entry after validation: the common fields plus its kind's own. */
export type BackendConfig = CommonBackendConfig & Record<string, unknown>;

/** A gateway API key and what it may do. */
export interface ApiKeyConfig {
  key: string;
  scopes: Scope[];
}

/** The validated configuration (CONTRACT.md "Configuration file"). */
export interface GatewayConfig {
  /** Listening port; default 4000. */
  port: number;
  /** Listening address; default `0.0.0.0`. */
  host: string;
  /** Browser origins allowed to call the gateway; absent: any origin, never with credentials. */
  cors?: { origins: string[] };
  backends: BackendConfig[];
  /** Absent: open gateway. */
  auth?: { apiKeys: ApiKeyConfig[] };
  /** Absent: in-process pub/sub. */
  redisUrl?: string;
  /** Delivery-counter poll interval; default 2000 ms. */
  pollIntervalMs: number;
  /** Lease TTL for the polling replica; default `max(3 × pollIntervalMs, 1000)`. */
  leaseTtlMs?: number;
  /** Prefix of the gateway's Redis keys and channels; default `campaign-gateway:`. */
  redisKeyPrefix?: string;
  /** Key that signs list cursors; default a random key per process (replicas must share one). */
  cursorSecret?: string;
  /** Serve GraphiQL; default: not in production. */
  graphiql: boolean;
  /** Allow introspection; default: not in production. */
  introspection: boolean;
  /** Absent: any query runs. Present: documents of the manifest run by id, and only they unless `allowArbitrary`. */
  trustedDocuments?: { file: string; allowArbitrary: boolean };
}
