import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { AuditAction } from '@/lib/audit-labels';
import type { Executor } from '../client';
import { getDb } from '../index';
import { auditLog, users } from '../schema';

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

export type AuditRow = {
  id: number;
  action: string;
  targetType: string | null;
  targetId: number | null;
  details: Record<string, unknown> | null;
  createdAt: Date;
  actorId: number | null;
  actorName: string | null;
};

/** Newest first. `actorId` restricts to one user's own actions (the dashboard of non-admins). */
export async function listAuditEntries(
  options: { page?: number; pageSize?: number; actorId?: number } = {},
  db?: Executor,
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const conn = db ?? (await getDb());
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = options.actorId === undefined ? undefined : eq(auditLog.actorId, options.actorId);
  const [rows, [count]] = await Promise.all([
    conn
      .select({
        id: auditLog.id,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
        actorId: auditLog.actorId,
        actorName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    conn.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0), page, pageSize };
}
