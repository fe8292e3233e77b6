import type { z } from 'zod';
import type { apiKeySchema, BackendEntryConfig, gatewayConfigSchema } from './config-schema.js';

/**
 * The types of a validated config, derived from its zod schema
 * (`config-schema.ts`), where every option is declared and documented once.
 */

/** A backend entry after validation: the common fields, defaults filled in, plus its kind's own. */
export type BackendConfig = BackendEntryConfig;

/** A gateway API key and what it may do. */
export type ApiKeyConfig = z.output<typeof apiKeySchema>;

/** The validated configuration (CONTRACT.md "Configuration file"), as `parseConfig` answers it. */
export type GatewayConfig = Omit<z.output<typeof gatewayConfigSchema>, 'backends' | 'graphiql' | 'introspection'> & {
  /** Each entry checked with its kind's schema. */
  backends: BackendConfig[];
  /** The schema's `graphiql` with its default for this process applied. */
  graphiql: boolean;
  /** The schema's `introspection` with its default for this process applied. */
  introspection: boolean;
};
