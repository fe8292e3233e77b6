import { z } from 'zod';
import type { CommonBackendConfig } from '../../config/config-schema.js';

/** The credentials of a `schemaType` config entry (CONTRACT.md's config example). */
export const schemaTypeConfigSchema = z.object({
  /** Sent as `X-Tenant-Id` on every request. */
  tenantId: z.string().min(1),
  /** Bearer token; a secret. */
  token: z.string().min(1),
});

/** The kind-specific fields of a `schemaType` config entry. */
export type SchemaTypeCredentials = z.infer<typeof schemaTypeConfigSchema>;

/** A whole `schemaType` config entry. */
export type SchemaTypeConfig = CommonBackendConfig & SchemaTypeCredentials;

/** Config fields never shown in errors, logs or `/readyz`. */
export const SCHEMA_TYPE_SECRET_FIELDS = ['token'] as const;
