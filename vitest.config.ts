import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test (DESIGN.md): unit tests next to the code, integration tests of services
 * and the database on every engine available (PGlite always; PostgreSQL when TEST_DATABASE_URL
 * or DATABASE_URL names a server), and browser tests driving Debian's Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/postgresSetup.ts'],
          pool: 'forks',
          // One embedded database per worker, shared by its test files (PGlite costs ~2.5 s
          // and ~500 MB to start): the files run in one module graph, each with its own data.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
