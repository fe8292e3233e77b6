import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A run that finds no tests is a broken run, not a green one.
    passWithNoTests: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
