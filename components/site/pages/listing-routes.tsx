import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cachedAuthorPage, cachedCategoryPage, cachedTagPage } from '@/server/public-data';
import { parsePageParam, parseSlugParam } from '@/lib/route-params';
import { ListingPage } from './ListingPage';

type Params = Promise<{ slug: string; page?: string }>;

/** Resolves a listing (category, tag or author) from route params, or 404. */
async function loadListing(kind: 'category' | 'tag' | 'author', params: Params) {
  const { slug: rawSlug, page: rawPage } = await params;
  const slug = parseSlugParam(rawSlug);
  const page = parsePageParam(rawPage);
  if (!slug || !page) return null;
  if (kind === 'category') {
    const data = await cachedCategoryPage(slug, page);
    return data && { eyebrow: 'Chuyên mục', title: data.category.name, description: data.category.description, basePath: `/chuyen-muc/${slug}`, list: data.list, slug };
  }
  if (kind === 'tag') {
    const data = await cachedTagPage(slug, page);
    return data && { eyebrow: 'Chủ đề', title: `Chủ đề: ${data.tag.name}`, description: null, basePath: `/the/${slug}`, list: data.list, slug };
  }
  const data = await cachedAuthorPage(slug, page);
  return data && { eyebrow: 'Tác giả', title: `Tác giả: ${data.author.name}`, description: data.author.bio, basePath: `/tac-gia/${slug}`, list: data.list, slug };
}

/** Page and metadata functions for one listing kind, shared by `/x/[slug]` and `/x/[slug]/trang/[page]`. */
export function listingRoute(kind: 'category' | 'tag' | 'author') {
  async function Page({ params }: { params: Params }) {
    const listing = await loadListing(kind, params);
    if (!listing || (listing.list.page > 1 && listing.list.items.length === 0)) notFound();
    return <ListingPage {...listing} />;
  }
  async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
    const listing = await loadListing(kind, params);
    if (!listing) return { title: 'Không tìm thấy trang' };
    const suffix = listing.list.page > 1 ? ` – Trang ${listing.list.page}` : '';
    const path = listing.list.page > 1 ? `${listing.basePath}/trang/${listing.list.page}` : listing.basePath;
    return {
      title: `${listing.title}${suffix}`,
      description: listing.description ?? undefined,
      alternates: {
        canonical: path,
        types: kind === 'category' ? { 'application/rss+xml': `/chuyen-muc/${listing.slug}/rss.xml` } : undefined,
      },
    };
  }
  return { Page, generateMetadata };
}
