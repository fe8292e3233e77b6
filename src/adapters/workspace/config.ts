import { z } from 'zod';
import type { CommonBackendConfig } from '../../config/config-schema.js';

/** The workspace-specific fields of a backend entry in the config file (CONTRACT.md). */
export const workspaceConfigSchema = z.object({
  /** The workspace whose campaigns this backend serves (`/api/workspaces/{workspaceId}`). */
  workspaceId: z.string().min(1),
  /** Sent as `Authorization: Bearer <sessionToken>`; a secret. */
  sessionToken: z.string().min(1),
});

/** A full `workspace` backend entry: the common fields plus the workspace credentials. */
export type WorkspaceConfig = CommonBackendConfig & z.infer<typeof workspaceConfigSchema>;

/** Config fields never shown in errors, logs or `/readyz`. */
export const WORKSPACE_SECRET_FIELDS = ['sessionToken'] as const;
