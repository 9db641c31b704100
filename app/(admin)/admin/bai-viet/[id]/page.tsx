import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/editor/ArticleEditor';
import { listRevisions } from '@/server/editorial/list-revisions';
import { listAuthors } from '@/db/queries/editorial-list';
import { getArticleForEdit } from '@/server/editorial/get-article-for-edit';
import { getCategories } from '@/db/queries/taxonomy';
import { requirePageUser } from '@/server/auth/page-guard';
import { isEditor } from '@/lib/auth/roles';
import { AppError } from '@/lib/http/errors';
import { CommentThread } from '@/components/admin/CommentThread';
import { listArticleComments } from '@/server/comments/list-comments';

export const metadata: Metadata = { title: 'Sửa bài viết' };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const user = await requirePageUser();
  const raw = (await params).id;
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) notFound();
  const id = Number(raw);
  let article;
  try {
    article = await getArticleForEdit(user, id);
  } catch (error) {
    // Another journalist's article: the same 404 as a missing one.
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const [categories, revisions, authors, comments] = await Promise.all([
    getCategories(),
    listRevisions(user, id),
    isEditor(user.role) ? listAuthors() : Promise.resolve(null),
    listArticleComments(user, id),
  ]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{article.title ? `Sửa bài: ${article.title}` : 'Bài viết mới'}</h1>
      <ArticleEditor
        article={{
          id: article.id,
          version: article.version,
          status: article.status,
          title: article.title,
          slug: article.slug,
          sapo: article.sapo,
          bodyJson: article.bodyJson ?? null,
          bodyHtml: article.bodyHtml,
          categoryId: article.categoryId,
          tags: article.tags,
          coverImage: article.coverImage,
          coverCaption: article.coverCaption,
          seoTitle: article.seoTitle,
          seoDescription: article.seoDescription,
          featured: article.featured,
          authorId: article.authorId,
          authorName: article.authorName,
          publishedAt: article.publishedAt?.toISOString() ?? null,
          reviewNote: article.reviewNote,
          updatedAt: article.updatedAt.toISOString(),
        }}
        user={{ id: user.id, name: user.name, role: user.role }}
        categories={categories.map((c) => ({ id: c.id, name: c.name }))}
        authors={authors?.map((a) => ({ id: a.id, name: a.name })) ?? null}
        revisions={revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
      />
      <CommentThread articleId={article.id} initial={comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }))} />
    </div>
  );
}
