import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/site/ArticleCard';
import { ArticleJsonLd } from '@/components/site/ArticleJsonLd';
import { ShareLinks } from '@/components/site/ShareLinks';
import { cachedArticle, cachedSiteSettings } from '@/server/public-data';
import { redirectIfMoved } from '@/server/redirects/redirect-if-moved';
import { articlePath, authorPath, categoryPath, homePath, tagPath } from '@/lib/public-paths';
import { parseSlugParam } from '@/lib/route-params';
import { articleMetadata } from '@/lib/seo/page-metadata';
import { siteUrl } from '@/lib/site-url';
import { formatDateTimeVi, toLocalIso } from '@/lib/time';
// The typography of the stored text; the pages without such text leave it out (app/prose.css).
import '@/app/prose.css';

// = PUBLIC_REVALIDATE_SECONDS (lib/cache-tags.ts): Next needs a literal here; tests/unit/revalidate.test.ts keeps the two equal.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const viewCountFormat = new Intl.NumberFormat('vi-VN');

async function load(params: Props['params']) {
  const slug = parseSlugParam((await params).slug);
  return slug ? cachedArticle(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [data, settings] = await Promise.all([load(params), cachedSiteSettings()]);
  if (!data) return { title: 'Không tìm thấy bài viết' };
  return articleMetadata(data.article, settings);
}

export default async function ArticlePage({ params }: Props) {
  const data = await load(params);
  if (!data) {
    const slug = parseSlugParam((await params).slug);
    if (slug) await redirectIfMoved(articlePath(slug));
    notFound();
  }
  const { article, related } = data;
  const url = siteUrl(articlePath(article.slug));

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <article className="min-w-0" data-article-id={article.id}>
        <ArticleJsonLd article={article} />
        <nav aria-label="Đường dẫn" className="mb-3 text-sm text-slate-600">
          <ol className="flex flex-wrap gap-1">
            <li>
              <Link href={homePath()} className="hover:underline">
                Trang chủ
              </Link>{' '}
              ›
            </li>
            {article.categorySlug ? (
              <li>
                <Link href={categoryPath(article.categorySlug)} className="font-semibold text-accent hover:underline">
                  {article.categoryName}
                </Link>
              </li>
            ) : null}
          </ol>
        </nav>
        <h1 className="font-serif text-3xl font-bold leading-tight text-slate-900 md:text-4xl">{article.title}</h1>
        <p className="mt-3 flex flex-wrap gap-x-3 text-sm text-slate-600">
          {article.publishedAt ? <time dateTime={toLocalIso(article.publishedAt)}>{formatDateTimeVi(article.publishedAt)}</time> : null}
          <span>
            Tác giả:{' '}
            <Link href={authorPath(article.authorSlug)} rel="author" className="font-semibold hover:underline">
              {article.authorName}
            </Link>
          </span>
          <span data-testid="view-count">Lượt xem: {viewCountFormat.format(article.viewCount)}</span>
        </p>
        <p className="mt-4 text-lg font-semibold leading-relaxed text-slate-800">{article.sapo}</p>
        {article.coverImage ? (
          <figure className="mt-5">
            {/* With a caption, the figcaption says what the image shows; the same words as alt would be read twice. */}
            <Image
              src={article.coverImage}
              alt={article.coverCaption ? '' : article.title}
              width={1200}
              height={675}
              sizes="(min-width: 1024px) 720px, 100vw"
              className="w-full rounded"
              priority
            />
            {article.coverCaption || article.coverCredit ? (
              <figcaption className="mt-2 text-center text-sm italic text-slate-600">
                {article.coverCaption}
                {article.coverCredit ? <span className="not-italic">{`${article.coverCaption ? ' ' : ''}Ảnh: ${article.coverCredit}`}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        {/* bodyHtml is sanitized on the server when it is saved. */}
        <div
          className="article-body prose prose-slate mt-6 max-w-none prose-headings:font-serif prose-a:text-brand"
          dangerouslySetInnerHTML={{ __html: article.bodyHtml }}
        />
        <p className="mt-6 text-right font-semibold">{article.authorName}</p>
        {article.tags.length > 0 ? (
          <div className="mt-6 flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold">Từ khóa:</span>
            {article.tags.map((t) => (
              <Link key={t.slug} href={tagPath(t.slug)} rel="tag" className="rounded-full bg-slate-200 px-3 py-1 hover:bg-slate-300">
                {t.name}
              </Link>
            ))}
          </div>
        ) : null}
        <ShareLinks url={url} title={article.title} />
      </article>
      <aside aria-labelledby="related-title" className="no-print">
        <h2 id="related-title" className="mb-3 border-b-2 border-accent pb-1 font-bold uppercase text-brand">
          Tin liên quan
        </h2>
        <div className="space-y-5">
          {related.map((a) => (
            <ArticleCard key={a.id} article={a} />
          ))}
        </div>
      </aside>
    </div>
  );
}
