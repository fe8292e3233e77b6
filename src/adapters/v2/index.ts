import type { AdapterFactory } from '../seam/adapter-factory.js';
import { clientForBackend } from '../http/client-for-backend.js';
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
    const http = clientForBackend(config, deps, { 'x-api-key': config.apiKey });
    return new V2Adapter(config.name, http);
  },
};
