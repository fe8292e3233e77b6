import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships ESM and CJS copies; libraries load the CJS one, so the
    // project must too, or `instanceof GraphQLError` fails across the two.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // A run that finds no tests is a broken run, not a green one.
    passWithNoTests: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
