import { configFromEnv, openDatabase, type DatabaseHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';

/**
 * Opens the database for a command-line script. With PGlite this takes the
 * folder lock, so it refuses to run while the server holds the database.
 */
export async function openForScript(): Promise<DatabaseHandle> {
  const handle = await openDatabase(configFromEnv());
  await migrateDatabase(handle);
  return handle;
}

/** `--name value` pairs from argv. */
export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags[arg.slice(2)] = next;
        i++;
      } else flags[arg.slice(2)] = 'true';
    }
  }
  return flags;
}
