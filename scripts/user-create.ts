// `npm run user:create -- --email E --password P --role journalist|moderator|admin --name "N"`
// Creates the account, or updates the name, role and password of an existing one
// (and reactivates it): how a production install gets its first admin.
// Opens the database itself: with PGlite the server must be stopped (the folder
// lock refuses otherwise); with DATABASE_URL it works while the server runs.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { configFromEnv, openDatabase, type Executor } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import type { UserSummary } from '../db/queries/users';
import { emailSchema, nameSchema, passwordSchema, roleSchema } from '../lib/validation/accounts';
import { upsertUserFromCli } from '../server/accounts/upsert-user-from-cli';

const argsSchema = z.object({ email: emailSchema, password: passwordSchema, role: roleSchema, name: nameSchema }).strict();

export const USAGE =
  'Cách dùng: npm run user:create -- --email E --password P --role journalist|moderator|admin --name "Họ tên"';

export function parseUserCreateArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') ? `--${issue.path.join('.')}: ` : ''}${issue?.message ?? 'Tham số không hợp lệ.'}\n${USAGE}`);
  }
  return parsed.data;
}

/** Parses the command line and creates or updates the user in `db`. */
export async function runUserCreate(argv: string[], db: Executor): Promise<{ created: boolean; user: UserSummary }> {
  return upsertUserFromCli(parseUserCreateArgs(argv), db);
}

async function main() {
  let input;
  try {
    input = parseUserCreateArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const handle = await openDatabase(configFromEnv());
  try {
    await migrateDatabase(handle);
    const { created, user } = await upsertUserFromCli(input, handle.db);
    console.log(`${created ? 'Đã tạo' : 'Đã cập nhật'} tài khoản #${user.id} ${user.email} (${user.role}).`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && /user-create\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
