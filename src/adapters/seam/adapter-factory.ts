import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import type { CommonBackendConfig } from '../../config/config-schema.js';
import type { BackendKind } from '../../model/enums.js';
import type { EditLock } from '../edit-lock.js';
import type { AttemptOutcome, BackendHttpClient } from '../http/backend-client.js';
import type { BackendAdapter } from './backend-adapter.js';

/** What an adapter factory gets besides its config. */
export interface AdapterDeps {
  logger: Logger;
  /** Observes every upstream attempt (metrics); the factory passes it to its HTTP client's `onAttempt`. */
  onUpstreamAttempt?: (attempt: AttemptOutcome) => void;
  /** Told of each HTTP client the factory creates, so readiness can report its circuit breaker. */
  onHttpClient?: (client: BackendHttpClient) => void;
  /**
   * Serializes read-modify-writes of one record (the workspace workflow). Default:
   * a `LocalEditLock` per adapter, which covers this process only; the server
   * passes a Redis-backed lock when `redisUrl` is set, so edits through several
   * replicas are serialized too. Adapters key it by backend name and record id.
   */
  editLock?: EditLock;
}

/**
 * Builds adapters of one backend kind. Registering a factory is all it takes to
 * add a backend kind: config validation and the schema pick it up.
 */
export interface AdapterFactory<Config extends CommonBackendConfig = CommonBackendConfig> {
  /** The config file's `kind`. */
  kind: string;
  /** The GraphQL `BackendKind` of its adapters. */
  backendKind: BackendKind;
  /** Zod schema of the kind-specific config fields (credentials and the like). */
  configSchema: ZodType<Omit<Config, keyof CommonBackendConfig>>;
  /** Config field names whose values are secrets (removed from anything shown). */
  secretFields: readonly string[];
  create(config: Config, deps: AdapterDeps): BackendAdapter;
}
