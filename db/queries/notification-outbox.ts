import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { notifications, siteSettings, users } from '../schema';

// No `server-only`: the email job (server/jobs/notification-emails.ts) runs it from
// instrumentation, outside the React server graph.

export type ClaimedEmail = { id: number; message: string; articleId: number | null; email: string; name: string; wantsEmail: boolean };
type ClaimedRow = { id: number; message: string; article_id: number | null; email: string; name: string; email_notifications: boolean };

/**
 * Takes up to `limit` notifications whose email has not gone out, marking them taken in the
 * same statement. `FOR UPDATE SKIP LOCKED`: two instances sending at once take different rows,
 * so each email is sent once.
 */
export async function claimUnsentEmails(db: Executor, limit: number): Promise<ClaimedEmail[]> {
  const result = await db.execute(sql`
    with taken as (
      select ${notifications.id} as id from ${notifications}
      where ${notifications.emailedAt} is null
      order by ${notifications.id}
      limit ${limit}
      for update skip locked
    )
    update ${notifications} set emailed_at = now()
    from taken, ${users}
    where ${notifications.id} = taken.id and ${users.id} = ${notifications.userId}
    returning ${notifications.id} as id, ${notifications.message} as message, ${notifications.articleId} as article_id,
      ${users.email} as email, ${users.name} as name, ${users.emailNotifications} as email_notifications`);
  // postgres.js returns the rows as an array, PGlite as { rows }.
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: ClaimedRow[] }).rows) as ClaimedRow[];
  return rows.map((r) => ({
    id: Number(r.id),
    message: r.message,
    articleId: r.article_id === null ? null : Number(r.article_id),
    email: r.email,
    name: r.name,
    wantsEmail: Boolean(r.email_notifications),
  }));
}

/** The portal's name for the subject line, from the site settings ("Cài đặt"), or null before any is saved. */
export async function portalNameForEmail(db: Executor): Promise<string | null> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, 'site')).limit(1);
  const value = row?.value as { portalName?: unknown } | undefined;
  return typeof value?.portalName === 'string' ? value.portalName : null;
}
