import 'server-only';
import type { Database, Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { AppError } from '@/lib/http/errors';

/** What a use case may be handed instead of the process's own: a test database, a fixed clock. */
export type EditorialDeps = { db?: Database | Executor; now?: Date };

export async function resolveDeps(deps: EditorialDeps) {
  return { db: deps.db ?? (await getDb()), now: deps.now ?? new Date() };
}

export function inTransaction<T>(db: Database | Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return (db as Database).transaction(fn);
}

/** Someone who may not see an article gets the same answer as for one that does not exist. */
export const articleNotFound = () => new AppError('not_found', 'Không tìm thấy bài viết.');
export const editorialForbidden = (message: string) => new AppError('forbidden', message);
export const editorialInvalid = (message: string) => new AppError('validation_failed', message);
