import 'server-only';
import { and, desc, eq, gte, inArray, isNull, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { categoryIdsInDetails } from '@/lib/audit/details';
import type { AuditLine } from '@/lib/audit/line';
import type { AuditAction } from '@/lib/audit-labels';
import type { AuditLogQuery } from '@/lib/validation/audit-log';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articles, auditLog, categories, media, redirects, users } from '../schema';

export type { AuditAction };

export type AuditEntry = {
  actorId: number | null;
  /** Dotted verb, e.g. `auth.sign_in`, `user.role_changed`, `article.published`: one of lib/audit-labels.ts. */
  action: AuditAction;
  targetType?: string;
  targetId?: number;
  details?: Record<string, unknown>;
};

/** Appends one line to the audit log; pass the transaction so the entry commits with the change. */
export async function recordAudit(entry: AuditEntry, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? null,
  });
}

export type AuditRow = AuditLine & { id: number };

/** Filters of the log (lib/validation/audit-log.ts); `actorId` alone restricts the dashboard to one user's own actions. */
export type AuditListOptions = AuditLogQuery & { page?: number; pageSize?: number };

/** The most lines one CSV download holds (the newest ones). */
export const AUDIT_EXPORT_LIMIT = 50_000;

function whereOf(filters: AuditLogQuery): SQL | undefined {
  return and(
    filters.actorId === undefined ? undefined : filters.actorId === null ? isNull(auditLog.actorId) : eq(auditLog.actorId, filters.actorId),
    filters.action === undefined ? undefined : eq(auditLog.action, filters.action),
    filters.since === undefined ? undefined : gte(auditLog.createdAt, filters.since),
    filters.before === undefined ? undefined : lt(auditLog.createdAt, filters.before),
  );
}

const actor = alias(users, 'actor');
const targetUser = alias(users, 'target_user');
const isTarget = (type: string, id: AnyColumn) => and(eq(auditLog.targetType, type), eq(id, auditLog.targetId));

/** Newest first, with the actor's name and the target's title or name (at most one of the target joins matches a line). */
function selectLines(conn: Executor, where: SQL | undefined) {
  return conn
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: actor.name,
      targetName: sql<string | null>`coalesce(${articles.title}, ${targetUser.name}, ${categories.name}, ${media.url}, ${redirects.fromPath})`,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(articles, isTarget('article', articles.id))
    .leftJoin(targetUser, isTarget('user', targetUser.id))
    .leftJoin(categories, isTarget('category', categories.id))
    .leftJoin(media, isTarget('media', media.id))
    .leftJoin(redirects, isTarget('redirect', redirects.id))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
}

type SelectedLine = Awaited<ReturnType<typeof selectLines>>[number];

/** Categories a line's details name by id (an article moved between them), looked up once for all the lines. */
async function withRelatedNames(conn: Executor, lines: SelectedLine[]): Promise<AuditRow[]> {
  const perLine = lines.map((line) => categoryIdsInDetails(line.action, line.details));
  const ids = [...new Set(perLine.flat())];
  const found = ids.length === 0 ? [] : await conn.select({ id: categories.id, name: categories.name }).from(categories).where(inArray(categories.id, ids));
  const names = new Map(found.map((c) => [c.id, c.name]));
  return lines.map((line, i) => ({
    ...line,
    relatedNames: { categories: Object.fromEntries(perLine[i]!.flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : []))) },
  }));
}

/** One page of the log, newest first, and how many lines the filters match. */
export async function listAuditEntries(
  options: AuditListOptions = {},
  db?: Executor,
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const conn = db ?? (await getDb());
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = whereOf(options);
  const [lines, [count]] = await Promise.all([
    selectLines(conn, where)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    conn.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows: await withRelatedNames(conn, lines), total: Number(count?.n ?? 0), page, pageSize };
}

/** Every line the filters match, newest first, for the CSV download: no pages, at most `limit` (the newest). */
export async function listAuditEntriesForExport(filters: AuditLogQuery = {}, db?: Executor, limit = AUDIT_EXPORT_LIMIT): Promise<AuditRow[]> {
  const conn = db ?? (await getDb());
  const lines = await selectLines(conn, whereOf(filters)).limit(Math.max(1, Math.min(limit, AUDIT_EXPORT_LIMIT)));
  return withRelatedNames(conn, lines);
}
