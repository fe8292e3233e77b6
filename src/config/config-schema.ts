import { z } from 'zod';

/** Scopes of gateway API keys (CONTRACT.md). */
export const SCOPES = ['campaigns:read', 'campaigns:write', 'campaigns:delete', 'campaigns:admin'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The circuit breaker of one backend (config `breaker`). It counts refused or
 * reset connections, timeouts, 5xx and 429 as failures; while open, calls fail
 * fast with `BACKEND_UNAVAILABLE` and the backend gets no traffic.
 */
export const backendBreakerSchema = z.strictObject({
  /** Failure share (percent) of the attempts in the window above which it opens; default 50. */
  errorThresholdPercentage: z.number().min(1).max(100).default(50),
  /** Attempts the window must hold before it may open at all; default 5. */
  volumeThreshold: z.number().int().min(1).max(10_000).default(5),
  /** How long it stays open, failing calls fast, before one probe may go through; default 5000 ms. */
  resetTimeoutMs: z.number().int().min(100).max(600_000).default(5000),
  /** The rolling window attempts are counted over; default 10 000 ms. */
  rollingWindowMs: z.number().int().min(1000).max(600_000).default(10_000),
});

/** Fields every backend entry has; kind-specific fields are checked by the kind's own schema. */
const commonBackendObject = z.object({
  /** Unique, `[a-z0-9-]+`: what GraphQL calls the backend, part of every global id. */
  name: z.string().regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+'),
  /** The backend kind (a registered adapter's `kind`), which picks the kind's own schema. */
  kind: z.string(),
  /** `http(s)://…`, optionally with a path the API lives under. */
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** Budget of one upstream attempt (connect, headers and body); default 5000 ms. */
  timeoutMs: z.number().int().positive().max(120_000).default(5000),
  /** Extra attempts for idempotent reads (mutations are never retried); default 2. */
  retries: z.number().int().min(0).max(10).default(2),
  /**
   * Upstream connections open at once at most; default 32: the full records of a
   * page of 20 go out in one round (the bench's page of 20 workspace campaigns: 2
   * rounds instead of 3 with 10), with room for a second list at the same time.
   */
  maxConnections: z.number().int().positive().max(1000).default(32),
  /** The backend's circuit breaker; default every field's default. */
  breaker: backendBreakerSchema.prefault({}),
});

/**
 * The transport settings a backend gets when its entry (or an HTTP client
 * built without a parsed entry) leaves them out: the schema's own defaults,
 * so that they are written in one place.
 */
export const BACKEND_TRANSPORT_DEFAULTS = commonBackendObject.pick({ timeoutMs: true, retries: true, maxConnections: true, breaker: true }).parse({});

/** {@link commonBackendObject} letting the kind's own fields through, for checking the common part alone. */
export const commonBackendSchema = commonBackendObject.loose();

/** A breaker config as parsed: every field filled in. */
export type BackendBreakerConfig = z.output<typeof backendBreakerSchema>;

/** A breaker config as given: any field may be left out for its default. */
export type BackendBreakerOptions = z.input<typeof backendBreakerSchema>;

/**
 * The common fields of a backend entry as adapters take them. `breaker` may be
 * left out (the HTTP client then applies the same defaults); a parsed config always has it.
 */
export type CommonBackendConfig = Omit<z.output<typeof commonBackendObject>, 'breaker'> & { breaker?: BackendBreakerConfig };

/** A validated backend entry: the common fields, defaults filled in, plus its kind's own. */
export type BackendEntryConfig = z.output<typeof commonBackendObject> & Record<string, unknown>;

/** A gateway API key and what it may do. */
export const apiKeySchema = z.strictObject({
  /** Sent as `Authorization: Bearer <key>` or `X-API-Key`; at least 16 characters. */
  key: z.string().min(16, 'must be at least 16 characters'),
  /** What the key may do (CONTRACT.md scopes); `campaigns:admin` is everything. */
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
  /** The backends, at least one; each entry is checked with its kind's schema (see `parseConfig`). */
  backends: z.array(z.unknown()).min(1, 'at least one backend is required'),
  /** Absent: the gateway is open (a warning at startup). */
  auth: z.strictObject({ apiKeys: z.array(apiKeySchema).min(1) }).optional(),
  /** Redis for several replicas; absent: in-process pub/sub, edit locks and poll leases (one replica). */
  redisUrl: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** How often delivery counters are polled for subscriptions; default 2000 ms. */
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
