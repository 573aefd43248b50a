import { defineConfig } from 'vitest/config';

// One suite, two databases: `npm test` runs it on SQLite, `npm run test:pg` sets
// TEST_DATABASE_URL and runs the very same files on PostgreSQL.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'content/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
