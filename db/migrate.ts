import path from 'node:path';
import { env, type Env } from '../lib/env';
import type { DatabaseHandle } from './client';

export function migrationsFolder(config: Pick<Env, 'MIGRATIONS_DIR'> = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ config.MIGRATIONS_DIR);
}

/** Applies drizzle/ with the programmatic migrator (drizzle-kit migrate cannot load PGlite's extensions). */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const folder = migrationsFolder();
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // Instances started together wait for each other; the later ones find nothing left to apply.
    // (At start-up server/startup.ts already holds the lock around migrations and seed.)
    // Not under the serving pool's statement timeout: building an index on a large table takes longer.
    const run = () =>
      handle.withoutStatementTimeout
        ? handle.withoutStatementTimeout((db) => migrate(db as never, { migrationsFolder: folder }))
        : migrate(handle.db as never, { migrationsFolder: folder });
    await (handle.exclusively ? handle.exclusively(run) : run());
  }
}
