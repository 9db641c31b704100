import Image from 'next/image';
import Link from 'next/link';
import type { ArticleListItem } from '@/db/queries/articles';
import { articlePath, categoryPath } from '@/lib/public-paths';
import { formatDateTimeVi, toLocalIso } from '@/lib/time';

type Props = { article: ArticleListItem; variant?: 'lead' | 'card' | 'compact'; headingLevel?: 'h2' | 'h3' };

export function ArticleCard({ article, variant = 'card', headingLevel: Heading = 'h3' }: Props) {
  const href = articlePath(article.slug);
  const time = article.publishedAt ? (
    <time dateTime={toLocalIso(article.publishedAt)}>
      {formatDateTimeVi(article.publishedAt)}
    </time>
  ) : null;

  if (variant === 'compact') {
    return (
      <article className="card-compact">
        <Heading>
          <Link href={href} className="card-link">
            {article.title}
          </Link>
        </Heading>
        {time}
      </article>
    );
  }

  const lead = variant === 'lead';
  return (
    <article className={lead ? 'flex flex-col gap-3' : 'flex flex-col gap-2'}>
      {article.coverImage ? (
        <Link href={href} tabIndex={-1} aria-hidden="true" className="card-cover">
          <Image
            src={article.coverImage}
            alt={article.coverCaption ?? article.title}
            width={1200}
            height={675}
            sizes={lead ? '(min-width: 768px) 640px, 100vw' : '(min-width: 768px) 300px, 100vw'}
            priority={lead}
          />
        </Link>
      ) : null}
      <div className="space-y-1">
        <Heading className={lead ? 'font-serif text-2xl font-bold leading-tight md:text-3xl' : 'font-serif text-lg font-semibold leading-snug'}>
          <Link href={href} className="card-link">
            {article.title}
          </Link>
        </Heading>
        <p className="card-meta">
          {article.categoryName && article.categorySlug ? (
            <Link href={categoryPath(article.categorySlug)} className="card-category">
              {article.categoryName}
            </Link>
          ) : null}
          {time}
        </p>
        {lead || variant === 'card' ? <p className={lead ? 'text-base text-slate-700' : 'line-clamp-3 text-sm text-slate-700'}>{article.sapo}</p> : null}
      </div>
    </article>
  );
}
