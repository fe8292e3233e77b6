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
  /**
   * The backend's circuit breaker. It counts refused or reset connections,
   * timeouts, 5xx and 429 as failures; while open, calls fail fast with
   * `BACKEND_UNAVAILABLE` and the backend gets no traffic.
   */
  breaker: z
    .strictObject({
      /** Failure share (percent) of the attempts in the window above which it opens; default 50. */
      errorThresholdPercentage: z.number().min(1).max(100).default(50),
      /** Attempts the window must hold before it may open; default 5. */
      volumeThreshold: z.number().int().min(1).max(10_000).default(5),
      /** How long it stays open before one probe may go through; default 5000. */
      resetTimeoutMs: z.number().int().min(100).max(600_000).default(5000),
      /** The rolling window attempts are counted over; default 10 000. */
      rollingWindowMs: z.number().int().min(1000).max(600_000).default(10_000),
    })
    .prefault({}),
});

export const apiKeySchema = z.strictObject({
  key: z.string().min(16, 'must be at least 16 characters'),
  scopes: z.array(z.enum(SCOPES)).min(1),
});

/** A browser origin as browsers send it: `scheme://host[:port]`, nothing after. */
const browserOrigin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}, 'must be an origin such as https://app.example.com (scheme, host and port only, no trailing slash)');

/** The top level of the config file; `backends` entries are checked separately. */
export const gatewayConfigSchema = z.strictObject({
  /** Listening port; default 4000 (`PORT` overrides). */
  port: z.number().int().min(0).max(65535).default(4000),
  /** Listening address; default `0.0.0.0` (`HOST` overrides). */
  host: z.string().min(1).max(255).default('0.0.0.0'),
  /**
   * Browser access. `origins`: the origins allowed to call the gateway from a page.
   * Absent: any origin may, without credentials (the gateway's keys are headers, not cookies).
   */
  cors: z.strictObject({ origins: z.array(browserOrigin).min(1).max(100) }).optional(),
  backends: z.array(z.unknown()).min(1, 'at least one backend is required'),
  /** Absent: the gateway is open. */
  auth: z.strictObject({ apiKeys: z.array(apiKeySchema).min(1) }).optional(),
  /** Absent: in-process pub/sub (one replica). */
  redisUrl: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** How often delivery counters are polled for subscriptions; default 2000. */
  pollIntervalMs: z.number().int().min(100).max(600_000).default(2000),
  /**
   * With `redisUrl`: how long a replica's lease on polling a campaign lives without
   * renewal, i.e. how soon another replica takes over from one that died; default
   * `max(3 × pollIntervalMs, 1000)`. Must exceed `pollIntervalMs` (it is renewed once per interval).
   */
  leaseTtlMs: z.number().int().min(200).max(3_600_000).optional(),
  /** With `redisUrl`: put before every Redis key and channel the gateway uses; default `campaign-gateway:`. */
  redisKeyPrefix: z.string().min(1).max(100).optional(),
  /**
   * The key that signs list cursors (HMAC-SHA256), usually `"${CURSOR_SECRET}"`;
   * default a random key per process. Replicas behind one load balancer must
   * share it, or a cursor from one replica is `BAD_USER_INPUT` on another.
   */
  cursorSecret: z.string().min(32, 'must be at least 32 characters').max(1024).optional(),
  /** Serve GraphiQL; default true unless NODE_ENV=production. */
  graphiql: z.boolean().optional(),
  /** Answer introspection; default true unless NODE_ENV=production. */
  introspection: z.boolean().optional(),
  /**
   * Trusted documents: `file` is a manifest of document hashes to texts
   * (graphql-codegen's `persisted-documents.json`) that requests may name by
   * `documentId`; with `allowArbitrary: false` (the default) nothing else runs.
   */
  trustedDocuments: z
    .strictObject({
      file: z.string().min(1),
      allowArbitrary: z.boolean().default(false),
    })
    .optional(),
});
