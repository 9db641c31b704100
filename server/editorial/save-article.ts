import 'server-only';
import type { Executor } from '@/db/client';
import { categoryExists, isActiveUser, replaceArticleTags, takenArticleSlugs, updateArticleRow } from '@/db/queries/articles-admin';
import { recordAudit } from '@/db/queries/audit';
import { articleSlugBase, chooseArticleSlug, slugCandidatesPattern, uniqueTagsBySlug } from '@/lib/content/article-slug';
import { renderEditorDocument, renderRawHtml } from '@/lib/content/render';
import { autosaveKeepsLiveVersion, canEdit, editorOnlyChangeProblem, editRefusal, statusAfterEdit, type Actor } from '@/lib/editorial';
import type { SaveArticleData } from '@/lib/validation/editorial';
import { articleStateOf, type EditorialResult } from './article-state';
import { editorialForbidden, editorialInvalid, inTransaction, resolveDeps, type EditorialDeps } from './context';
import { assertCurrentVersion, lockArticleForChange } from './lock-article';
import { impactOfNames, publicNamesIfPublished } from './public-impact';
import { storeRevision } from './store-revision';
import { recordMovedPath } from '@/server/redirects/record-moved-path';
import { articlePath } from '@/lib/public-paths';

/**
 * "Lưu nháp" and autosave. Optimistic lock: the save names the version it
 * started from; an older version gets 409 with the server's text, never a
 * silent overwrite. A returned article becomes a draft again on its
 * author's save; a published one is updated in place (and its pages refreshed).
 */
export async function saveArticle(actor: Actor, input: SaveArticleData, deps: EditorialDeps = {}): Promise<EditorialResult> {
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const row = await lockArticleForChange(tx, actor, input);
    if (!canEdit(actor, row)) throw editorialForbidden(editRefusal(row));
    await assertCurrentVersion(tx, row, input.version);
    await assertValidReferences(tx, actor, row, input);

    const body = 'json' in input.body ? renderEditorDocument(input.body.json) : renderRawHtml(input.body.html);
    const bodyJson = 'json' in input.body ? input.body.json : null;
    if (autosaveKeepsLiveVersion(row.status, input.autosave)) {
      await storeRevision(tx, { ...row, title: input.title, sapo: input.sapo, bodyJson, bodyHtml: body.html }, actor, 'autosave', now);
      return { article: { ...articleStateOf(row), liveUnchanged: true }, impact: null };
    }

    const before = await publicNamesIfPublished(tx, row);
    const slugBase = articleSlugBase(input.slug, input.title);
    const slug = chooseArticleSlug(input.slug, input.title, await takenArticleSlugs(tx, slugBase, slugCandidatesPattern(slugBase), row.id));
    const status = statusAfterEdit(actor.role, row.status);
    const updated = await updateArticleRow(tx, row.id, {
      title: input.title,
      sapo: input.sapo,
      bodyJson,
      bodyHtml: body.html,
      bodyText: body.text,
      slug,
      categoryId: input.categoryId,
      coverImage: input.coverImage,
      coverCaption: input.coverCaption,
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
      featured: input.featured ?? row.featured,
      authorId: input.authorId ?? row.authorId,
      status,
      version: row.version + 1,
      updatedAt: now,
    });
    await replaceArticleTags(tx, row.id, uniqueTagsBySlug(input.tags));
    // Readers, feeds and search engines hold the old address of a live article.
    if (before && updated.slug !== row.slug) {
      await recordMovedPath(tx, { oldPath: articlePath(row.slug), newPath: articlePath(updated.slug), source: 'article', actorId: actor.id });
    }
    await storeRevision(tx, updated, actor, input.autosave ? 'autosave' : row.status === 'published' ? 'update' : 'save', now);
    if (!input.autosave) {
      await recordAudit(
        { actorId: actor.id, action: 'article.saved', targetType: 'article', targetId: row.id, details: { version: updated.version, status } },
        tx,
      );
    }
    const impact = before ? impactOfNames(before, await publicNamesIfPublished(tx, updated)) : null;
    return { article: articleStateOf(updated), impact };
  });
}

/** The byline and "tin nổi bật" are the editors' to change; the author and the category must exist. */
async function assertValidReferences(
  tx: Executor,
  actor: Actor,
  row: { authorId: number; featured: boolean },
  input: SaveArticleData,
): Promise<void> {
  const refusal = editorOnlyChangeProblem(actor, row, input);
  if (refusal) throw editorialForbidden(refusal);
  if (input.authorId !== undefined && input.authorId !== row.authorId && !(await isActiveUser(tx, input.authorId))) {
    throw editorialInvalid('Tác giả không tồn tại.');
  }
  if (input.categoryId !== null && !(await categoryExists(tx, input.categoryId))) throw editorialInvalid('Chuyên mục không tồn tại.');
}

