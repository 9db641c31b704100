import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/site/ArticleCard';
import { HomeJsonLd } from '@/components/site/HomeJsonLd';
import { MostRead } from '@/components/site/MostRead';
import { categoryPath } from '@/lib/public-paths';
import { homeMetadata } from '@/lib/seo/page-metadata';
import { cachedHome, cachedMostRead, cachedSiteSettings } from '@/server/public-data';

// `/` is rewritten here (next.config.mjs) so the home page is generated on the
// first request and then served from the route cache, never during the build.
// = PUBLIC_REVALIDATE_SECONDS (lib/cache-tags.ts): Next needs a literal here; tests/unit/revalidate.test.ts keeps the two equal.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  if ((await params).key !== 'index') return {};
  return homeMetadata(await cachedSiteSettings());
}

export default async function HomePage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  if (key !== 'index') notFound();
  const [{ lead, latest, blocks }, mostRead] = await Promise.all([cachedHome(), cachedMostRead()]);

  return (
    <div className="space-y-10">
      <HomeJsonLd />
      <h1 className="sr-only">Trang chủ</h1>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="lead-title">
          <h2 id="lead-title" className="sr-only">
            Tin nổi bật
          </h2>
          {lead ? <ArticleCard article={lead} variant="lead" headingLevel="h3" /> : <p>Chưa có bài viết nào được xuất bản.</p>}
        </section>
        <section aria-labelledby="latest-title" className="rounded bg-white p-4 shadow-sm">
          <h2 id="latest-title" className="mb-2 border-b-2 border-accent pb-1 font-bold uppercase text-brand">
            Tin mới nhất
          </h2>
          {latest.slice(0, 8).map((a) => (
            <ArticleCard key={a.id} article={a} variant="compact" />
          ))}
        </section>
      </div>

      <MostRead items={mostRead} />

      {blocks
        .filter((b) => b.items.length > 0)
        .map(({ category, items }) => {
          const [first, ...rest] = items;
          return (
            <section key={category.id} aria-labelledby={`block-${category.slug}`}>
              <h2 id={`block-${category.slug}`} className="mb-4 flex items-center justify-between border-b-2 border-brand pb-1">
                <Link href={categoryPath(category.slug)} className="font-bold uppercase text-brand hover:underline">
                  {category.name}
                </Link>
                <Link href={categoryPath(category.slug)} className="text-sm text-slate-600 hover:underline">
                  Xem thêm ›
                </Link>
              </h2>
              <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
                {first ? <ArticleCard article={first} /> : null}
                <div>
                  {rest.map((a) => (
                    <ArticleCard key={a.id} article={a} variant="compact" />
                  ))}
                </div>
              </div>
            </section>
          );
        })}
    </div>
  );
}
