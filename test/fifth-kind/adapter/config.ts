import { z } from 'zod';
import type { CommonBackendConfig } from '../../../src/config/config-schema.js';

/** The `bulletin`-specific fields of a backend entry. */
export const bulletinConfigSchema = z.object({
  /** The notice-board account whose bulletins this backend serves (`/accounts/{accountId}`). */
  accountId: z.string().min(1),
  /** Sent as `X-Bulletin-Key`; a secret. */
  apiSecret: z.string().min(1),
});

/** A whole `bulletin` backend entry. */
export type BulletinConfig = CommonBackendConfig & z.infer<typeof bulletinConfigSchema>;

/** Config fields never shown in errors, logs or `/readyz`. */
export const BULLETIN_SECRET_FIELDS = ['apiSecret'] as const;
