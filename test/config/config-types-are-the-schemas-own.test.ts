import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { AdapterFactory } from '../../src/adapters/seam/adapter-factory.js';
import type { BreakerOptions } from '../../src/adapters/http/backend-client.js';
import {
  apiKeySchema,
  backendBreakerSchema,
  commonBackendSchema,
  gatewayConfigSchema,
  type BackendBreakerConfig,
  type BackendBreakerOptions,
  type CommonBackendConfig,
} from '../../src/config/config-schema.js';
import type { ApiKeyConfig, BackendConfig, GatewayConfig } from '../../src/config/gateway-config.js';

/**
 * Each option is declared once, by the config's zod schema; every type that
 * names it is the schema's own (checked by `tsc`, which `npm run typecheck`
 * runs over the tests), and the schema fills in the defaults its docs name.
 */
describe('the config types', () => {
  it('are inferred from the schema', () => {
    expectTypeOf<ApiKeyConfig>().toEqualTypeOf<z.output<typeof apiKeySchema>>();
    expectTypeOf<Omit<GatewayConfig, 'backends' | 'graphiql' | 'introspection'>>().toEqualTypeOf<
      Omit<z.output<typeof gatewayConfigSchema>, 'backends' | 'graphiql' | 'introspection'>
    >();
    expectTypeOf<GatewayConfig['graphiql']>().toEqualTypeOf<boolean>();
    expectTypeOf<BackendConfig['timeoutMs']>().toEqualTypeOf<number>();
    expectTypeOf<BackendConfig['breaker']>().toEqualTypeOf<z.output<typeof backendBreakerSchema>>();
    expectTypeOf<CommonBackendConfig['timeoutMs']>().toEqualTypeOf<z.output<typeof commonBackendSchema>['timeoutMs']>();
    // Adapters built without a parsed config may leave the breaker out: the client's defaults are the schema's.
    expectTypeOf<CommonBackendConfig['breaker']>().toEqualTypeOf<BackendBreakerConfig | undefined>();
  });

  it('are the ones the adapters and the HTTP client take', () => {
    type AdapterCommonConfig = Parameters<AdapterFactory['create']>[0];
    expectTypeOf<AdapterCommonConfig>().toEqualTypeOf<CommonBackendConfig>();
    expectTypeOf<NonNullable<AdapterCommonConfig['breaker']>>().toEqualTypeOf<BackendBreakerConfig>();
    expectTypeOf<BackendBreakerConfig>().toEqualTypeOf<z.output<typeof backendBreakerSchema>>();
    expectTypeOf<BreakerOptions>().toEqualTypeOf<BackendBreakerOptions>();
    expectTypeOf<BackendBreakerOptions>().toEqualTypeOf<z.input<typeof backendBreakerSchema>>();
  });

  it('fill in the documented defaults', () => {
    expect(backendBreakerSchema.parse({})).toEqual({ errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 5000, rollingWindowMs: 10_000 });
    const common = commonBackendSchema.parse({ name: 'a', kind: 'v2', baseUrl: 'http://127.0.0.1:1' });
    expect(common).toMatchObject({ timeoutMs: 5000, retries: 2, maxConnections: 32, breaker: backendBreakerSchema.parse({}) });
  });
});
