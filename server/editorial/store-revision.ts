import 'server-only';
import type { Executor } from '@/db/client';
import { getLastRevision, insertRevision, overwriteRevision } from '@/db/queries/articles-admin';
import type { Article } from '@/db/schema';
import { foldsIntoLastRevision, type Actor } from '@/lib/editorial';

/** 'update': "Cập nhật bài", a saved change to a published article (it went live); 'save' is "Lưu nháp". */
export type RevisionAction = 'save' | 'update' | 'autosave' | 'restore' | 'submit' | 'withdraw' | 'publish' | 'schedule' | 'unschedule' | 'reject' | 'unpublish' | 'move' | 'trash' | 'untrash';

type RevisionContent = Pick<Article, 'id' | 'version' | 'status' | 'title' | 'sapo' | 'bodyJson' | 'bodyHtml'>;

/** Keeps the article's text as a revision; autosaves of one editing session fold into one (lib/editorial.ts). */
export async function storeRevision(
  tx: Executor,
  content: RevisionContent,
  actor: Actor,
  action: RevisionAction,
  now: Date,
  note: string | null = null,
): Promise<void> {
  const values = { version: content.version, status: content.status, title: content.title, sapo: content.sapo, bodyJson: content.bodyJson, bodyHtml: content.bodyHtml };
  if (action === 'autosave') {
    const last = await getLastRevision(tx, content.id);
    if (last && foldsIntoLastRevision(last, actor.id, now)) {
      await overwriteRevision(tx, last.id, values);
      return;
    }
  }
  await insertRevision(tx, { articleId: content.id, editorId: actor.id, action, ...values, note, createdAt: now });
}
