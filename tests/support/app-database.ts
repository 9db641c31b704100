import bcrypt from 'bcryptjs';
import type { DatabaseHandle, Executor } from '@/db/client';
import { articles, categories, users, type ArticleStatus, type UserRole } from '@/db/schema';

const globalForDb = globalThis as unknown as { __toaSoanDb?: Promise<DatabaseHandle> };

/**
 * Makes `getDb()` (used by server actions, pages and session helpers) return
 * the test database. Returns the undo function for afterAll.
 */
export function useAsAppDatabase(handle: DatabaseHandle): () => void {
  globalForDb.__toaSoanDb = Promise.resolve(handle);
  return () => {
    globalForDb.__toaSoanDb = undefined;
  };
}

let counter = 0;
/** A string no other fixture in this process has used. */
export function unique(prefix = 'x'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

// bcrypt at cost 12 takes ~250 ms; fixtures use a cheap hash of the same password.
const fixturePasswordHash = bcrypt.hashSync('MatKhau@2026', 4);
export const FIXTURE_PASSWORD = 'MatKhau@2026';

export async function makeUser(db: Executor, role: UserRole, options: { active?: boolean; name?: string } = {}) {
  const key = unique(role);
  const [row] = await db
    .insert(users)
    .values({
      name: options.name ?? `Người dùng ${key}`,
      slug: key,
      email: `${key}@example.vn`,
      role,
      passwordHash: fixturePasswordHash,
      active: options.active ?? true,
    })
    .returning();
  return row!;
}

export async function makeCategory(db: Executor, options: { parentId?: number | null } = {}) {
  const key = unique('cm');
  const [row] = await db
    .insert(categories)
    .values({ name: `Chuyên mục ${key}`, slug: key, parentId: options.parentId ?? null })
    .returning();
  return row!;
}

export async function makeArticle(db: Executor, options: { authorId: number; status?: ArticleStatus; categoryId?: number | null; title?: string; publishedAt?: Date }) {
  const key = unique('bai');
  const [row] = await db
    .insert(articles)
    .values({
      title: options.title ?? `Bài viết ${key}`,
      slug: key,
      sapo: 'Sapo',
      bodyHtml: '<p>Nội dung</p>',
      bodyText: 'Nội dung',
      authorId: options.authorId,
      status: options.status ?? 'draft',
      categoryId: options.categoryId ?? null,
      publishedAt: options.publishedAt ?? (options.status === 'published' ? new Date(Date.now() - 60_000) : null),
    })
    .returning();
  return row!;
}
