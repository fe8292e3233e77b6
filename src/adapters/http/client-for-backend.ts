import type { AdapterDeps } from '../seam/adapter-factory.js';
import type { CommonBackendConfig } from '../../config/config-schema.js';
import { BackendHttpClient } from './backend-client.js';

/**
 * The HTTP client of one configured backend: its transport settings from the
 * config entry, its credentials as `headers`, and the gateway's observers
 * (metrics, readiness) from `deps`. Every adapter kind builds its client here.
 */
export function clientForBackend(config: CommonBackendConfig, deps: AdapterDeps, headers: Record<string, string>): BackendHttpClient {
  const http = new BackendHttpClient({
    backend: config.name,
    baseUrl: config.baseUrl,
    headers,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    maxConnections: config.maxConnections,
    breaker: config.breaker,
    logger: deps.logger,
    onAttempt: deps.onUpstreamAttempt,
  });
  deps.onHttpClient?.(http);
  return http;
}
