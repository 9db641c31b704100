import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticlePreview } from '@/components/admin/ArticlePreview';
import { getArticleForEdit } from '@/server/editorial/get-article-for-edit';
import { getCategories } from '@/db/queries/taxonomy';
import { getSessionUser } from '@/server/auth/session';
import { displayStatus } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { parseIdString } from '@/lib/validation/params';
// The typography of the stored text; the pages without such text leave it out (app/prose.css).
import '@/app/prose.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Xem trước', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/**
 * "Xem trước" in the public layout. Needs draft mode (turned on by
 * /api/admin/preview) *and* a session that may see the article: the author
 * or a moderator. Anyone else gets the ordinary 404.
 */
export default async function PreviewPage({ params }: Props) {
  if (!(await draftMode()).isEnabled) notFound();
  const user = await getSessionUser();
  // Digits within int4: "9999999999" used to reach SQL and fail (22003) instead of a 404.
  const id = parseIdString((await params).id);
  if (!user || id === null) notFound();
  let article;
  try {
    article = await getArticleForEdit(user, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const category = article.categoryId ? (await getCategories()).find((c) => c.id === article.categoryId) : undefined;
  return (
    <div className="space-y-4">
      <p role="note" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <strong>Bản xem trước</strong> · Trạng thái: {displayStatus(article.status, article.publishedAt)} · Bạn đọc chưa thấy bản này nếu bài chưa xuất bản.
        <Link href={`/admin/bai-viet/${article.id}`} className="underline">
          Quay lại trình soạn thảo
        </Link>
        {/* A route handler (it clears the draft-mode cookie), not a page: the lint rule sees every path as a page since app/(site)/[...path] answers unmatched URLs. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/api/admin/preview?exit=1" className="underline">
          Thoát chế độ xem trước
        </a>
      </p>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <ArticlePreview
          article={{
            title: article.title,
            sapo: article.sapo,
            bodyHtml: article.bodyHtml,
            coverImage: article.coverImage,
            coverCaption: article.coverCaption,
            publishedAt: article.publishedAt,
            authorName: article.authorName,
            categoryName: category?.name ?? null,
            tags: article.tags,
          }}
        />
      </div>
    </div>
  );
}
