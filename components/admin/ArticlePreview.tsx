import Image from 'next/image';
import { formatDateTimeVi, toLocalIso } from '@/lib/time';

export type PreviewArticle = {
  title: string;
  sapo: string;
  bodyHtml: string;
  coverImage: string | null;
  coverCaption: string | null;
  publishedAt: Date | null;
  authorName: string;
  categoryName: string | null;
  tags: string[];
};

/**
 * The article as readers will see it: the same markup and classes as
 * app/(site)/bai-viet/[slug]/page.tsx, without links that would lead to
 * pages where the unpublished article does not exist yet.
 */
export function ArticlePreview({ article }: { article: PreviewArticle }) {
  return (
    <article className="min-w-0">
      <nav aria-label="Đường dẫn" className="mb-3 text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li>Trang chủ ›</li>
          {article.categoryName ? <li className="font-semibold text-accent">{article.categoryName}</li> : null}
        </ol>
      </nav>
      <h1 className="font-serif text-3xl font-bold leading-tight text-slate-900 md:text-4xl">{article.title || '(Chưa có tiêu đề)'}</h1>
      <p className="mt-3 flex flex-wrap gap-x-3 text-sm text-slate-600">
        {article.publishedAt ? <time dateTime={toLocalIso(article.publishedAt)}>{formatDateTimeVi(article.publishedAt)}</time> : <span>Chưa xuất bản</span>}
        <span>
          Tác giả: <span className="font-semibold">{article.authorName}</span>
        </span>
      </p>
      <p className="mt-4 text-lg font-semibold leading-relaxed text-slate-800">{article.sapo}</p>
      {article.coverImage ? (
        <figure className="mt-5">
          <Image src={article.coverImage} alt={article.coverCaption ?? article.title} width={1200} height={675} sizes="(min-width: 1024px) 720px, 100vw" className="w-full rounded" />
          {article.coverCaption ? <figcaption className="mt-2 text-center text-sm italic text-slate-600">{article.coverCaption}</figcaption> : null}
        </figure>
      ) : null}
      {/* bodyHtml is sanitized on the server when it is saved. */}
      <div className="article-body prose prose-slate mt-6 max-w-none prose-headings:font-serif prose-a:text-brand" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <p className="mt-6 text-right font-semibold">{article.authorName}</p>
      {article.tags.length > 0 ? (
        <div className="mt-6 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold">Từ khóa:</span>
          {article.tags.map((t) => (
            <span key={t} className="rounded-full bg-slate-200 px-3 py-1">
              {t}
            </span>
          ))}
        </div>
      ) : null}
    </article>
  );
}
