import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { insertNotifications, listActiveEditorIds, listArticleAuthorIds } from '@/db/queries/notifications';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/editorial';
import { articleEventKey, notificationMessage, type NotificationKind } from '@/lib/notifications';
import { formatDateTimeVi } from '@/lib/time';

type ArticleEvent = Exclude<NotificationKind, 'comment'>;

/**
 * Tells the people an article change concerns, inside the change's transaction (it commits
 * with it, or neither happens): a submission goes to every editor, a return, a publication
 * or a schedule to the article's authors. The actor is never told about their own act.
 * Emails follow from the same rows, later and elsewhere (send-pending-emails.ts).
 */
export async function notifyArticleEvent(
  tx: Executor,
  event: { kind: ArticleEvent; actor: Actor; article: { id: number; title: string; version: number; publishedAt?: Date | null } },
): Promise<void> {
  const recipients = event.kind === 'submitted' ? await listActiveEditorIds(tx) : await listArticleAuthorIds(tx, event.article.id);
  const others = recipients.filter((id) => id !== event.actor.id);
  if (!others.length) return;
  const [actor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, event.actor.id));
  const message = notificationMessage(event.kind, {
    actorName: actor?.name ?? 'Một thành viên',
    title: event.article.title,
    when: event.kind === 'scheduled' && event.article.publishedAt ? formatDateTimeVi(event.article.publishedAt) : undefined,
  });
  const eventKey = articleEventKey(event.kind, event.article.id, event.article.version);
  await insertNotifications(
    tx,
    others.map((userId) => ({ userId, kind: event.kind, eventKey, articleId: event.article.id, actorId: event.actor.id, message })),
  );
}
