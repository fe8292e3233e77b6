import { z } from 'zod';

/** Scopes of gateway API keys (CONTRACT.md). */
export const SCOPES = ['campaigns:read', 'campaigns:write', 'campaigns:delete', 'campaigns:admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Fields every backend entry has; kind-specific fields are checked by the kind's own schema. */
export const commonBackendSchema = z.looseObject({
  name: z.string().regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+'),
  kind: z.string(),
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** Per-attempt upstream timeout; default 5000. */
  timeoutMs: z.number().int().positive().max(120_000).default(5000),
  /** Extra attempts for idempotent reads; default 2. */
  retries: z.number().int().min(0).max(10).default(2),
  /** Upstream connections; default 10. */
  maxConnections: z.number().int().positive().max(1000).default(10),
});

export const apiKeySchema = z.strictObject({
  key: z.string().min(16, 'must be at least 16 characters'),
  scopes: z.array(z.enum(SCOPES)).min(1),
});

/** The top level of the config file; `backends` entries are checked separately. */
export const gatewayConfigSchema = z.strictObject({
  /** Listening port; default 4000 (`PORT` overrides). */
  port: z.number().int().min(0).max(65535).default(4000),
  backends: z.array(z.unknown()).min(1, 'at least one backend is required'),
  /** Absent: the gateway is open. */
  auth: z.strictObject({ apiKeys: z.array(apiKeySchema).min(1) }).optional(),
  /** Absent: in-process pub/sub (one replica). */
  redisUrl: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** How often delivery counters are polled for subscriptions; default 2000. */
  pollIntervalMs: z.number().int().min(100).max(600_000).default(2000),
  /** Serve GraphiQL; default true unless NODE_ENV=production. */
  graphiql: z.boolean().optional(),
  /** Answer introspection; default true unless NODE_ENV=production. */
  introspection: z.boolean().optional(),
});
