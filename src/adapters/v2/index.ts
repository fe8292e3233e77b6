import type { AdapterFactory } from '../adapter.js';
import { BackendHttpClient } from '../http/backend-client.js';
import { v2ConfigSchema, type V2Config } from './config.js';
import { V2Adapter } from './v2-adapter.js';

export type { V2Config } from './config.js';

/** The `v2` backend kind: the X-API-Key WhatsApp template broadcaster (wire contract `v2.md`). */
export const v2Adapter: AdapterFactory<V2Config> = {
  kind: 'v2',
  backendKind: 'V2',
  configSchema: v2ConfigSchema,
  secretFields: ['apiKey'],
  create(config, deps) {
    const http = new BackendHttpClient({
      backend: config.name,
      baseUrl: config.baseUrl,
      headers: { 'x-api-key': config.apiKey },
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      maxConnections: config.maxConnections,
      breaker: config.breaker,
      logger: deps.logger,
      onAttempt: deps.onUpstreamAttempt,
    });
    deps.onHttpClient?.(http);
    return new V2Adapter(config.name, http);
  },
};
