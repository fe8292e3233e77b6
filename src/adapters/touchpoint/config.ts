import { z } from 'zod';
import type { CommonBackendConfig } from '../../config/config-schema.js';

/** The config fields of a `touchpoint` backend besides the common ones. */
export const touchpointConfigSchema = z.object({
  /** Sent as `Authorization: Bearer <token>` on every request. A secret. */
  token: z.string().min(1, 'token must not be empty'),
});

/** A complete `touchpoint` backend entry of the config file. */
export type TouchpointConfig = CommonBackendConfig & z.infer<typeof touchpointConfigSchema>;

/** Config fields never shown in errors, logs or `/readyz`. */
export const TOUCHPOINT_SECRET_FIELDS = ['token'] as const;
