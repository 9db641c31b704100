import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  '@': root,
  // `server-only` throws outside React Server Components; tests call the data layer directly.
  'server-only': path.join(root, 'tests/support/empty-module.ts'),
};

const DATABASE_FREE_SUITES = [
  'tests/integration/nginx-cache.test.ts',
  'tests/integration/redis-cache-handler.test.ts',
  'tests/integration/cluster-nginx.test.ts',
];

// Suites about the Postgres server alone run once, in the Postgres project.
const POSTGRES_ONLY_SUITES = [
  'tests/integration/concurrent-migrations.test.ts',
  'tests/integration/read-replicas.test.ts',
  'tests/integration/statement-timeout.test.ts',
  'tests/integration/pool-metrics.test.ts',
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'int-pglite',
          include: ['tests/integration/**/*.test.ts'],
          exclude: POSTGRES_ONLY_SUITES,
          environment: 'node',
          env: { TEST_DB_DRIVER: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'int-postgres',
          include: ['tests/integration/**/*.test.ts'],
          // Suites that use no database run once, in the PGlite project.
          exclude: DATABASE_FREE_SUITES,
          environment: 'node',
          env: { TEST_DB_DRIVER: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
