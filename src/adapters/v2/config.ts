import { z } from 'zod';
import type { CommonBackendConfig } from '../../config/config-schema.js';

/** The v2-specific config fields: the key sent as `X-API-Key` on every request. */
export const v2ConfigSchema = z.object({
  apiKey: z.string().min(1, 'apiKey must not be empty'),
});

/** A v2 backend entry of the config file. */
export type V2Config = CommonBackendConfig & z.infer<typeof v2ConfigSchema>;

/** Config fields never shown in errors, logs or `/readyz`. */
export const V2_SECRET_FIELDS = ['apiKey'] as const;
