import type { CodegenConfig } from '@graphql-codegen/cli';

/** Scalars as JSON carries them, and string unions for enums (no runtime enum objects). */
const typescriptConfig = {
  scalars: { DateTime: 'string', JSON: 'unknown' },
  enumsAsTypes: true,
  useTypeImports: true,
  emitLegacyCommonJSImports: false,
};

/**
 * Typed documents generated from the committed SDL, so they break when the
 * schema drifts: the application client's operations (exported by
 * `campaign-gateway/client`, with the persisted-documents manifest that the
 * gateway's `trustedDocuments` setting loads) and the tests' own.
 * `npm run codegen:check` fails when a committed file differs from what this makes.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'src/client/generated/': {
      documents: ['src/client/**/*.graphql'],
      preset: 'client',
      // The hash of each document rides along in `__meta__.hash`, and
      // `persisted-documents.json` maps each hash to the document's text.
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
      config: typescriptConfig,
    },
    'test/generated/': {
      documents: ['test/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: typescriptConfig,
    },
  },
};

export default config;
