import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cachedAuthorPage, cachedCategoryPage, cachedSiteSettings, cachedTagPage } from '@/server/public-data';
import { redirectIfMoved } from '@/server/redirects/redirect-if-moved';
import { authorPath, categoryPath, categoryRssPath, tagPath } from '@/lib/public-paths';
import { parsePageParam, parseSlugParam } from '@/lib/route-params';
import { listingMetadata, type ListingKind } from '@/lib/seo/page-metadata';
import { ListingPage } from './ListingPage';

type Params = Promise<{ slug: string; page?: string }>;

const listingPaths: Record<ListingKind, (slug: string, page: number) => string> = { category: categoryPath, tag: tagPath, author: authorPath };

/** One page of a listing from the data cache, or null when the slug names nothing. */
async function readListing(kind: ListingKind, slug: string, page: number) {
  const pagePath = (p: number) => listingPaths[kind](slug, p);
  if (kind === 'category') {
    const data = await cachedCategoryPage(slug, page);
    return data && { eyebrow: 'Chuyên mục', name: data.category.name, title: data.category.name, description: data.category.description, pagePath, list: data.list, slug };
  }
  if (kind === 'tag') {
    const data = await cachedTagPage(slug, page);
    return data && { eyebrow: 'Chủ đề', name: data.tag.name, title: `Chủ đề: ${data.tag.name}`, description: null, pagePath, list: data.list, slug };
  }
  const data = await cachedAuthorPage(slug, page);
  return data && { eyebrow: 'Tác giả', name: data.author.name, title: `Tác giả: ${data.author.name}`, description: data.author.bio, pagePath, list: data.list, slug };
}

/**
 * Resolves a listing (category, tag or author) from route params, or null (404).
 * A page number is checked against the first page's page count before its own
 * read: every number up to 999999 is well formed, and each past the last page
 * would otherwise leave a data-cache entry behind.
 */
async function loadListing(kind: ListingKind, params: Params) {
  const { slug: rawSlug, page: rawPage } = await params;
  const slug = parseSlugParam(rawSlug);
  const page = parsePageParam(rawPage);
  if (!slug || !page) return null;
  const first = await readListing(kind, slug, 1);
  if (!first || page === 1) return first;
  if (page > first.list.pageCount) return null;
  return readListing(kind, slug, page);
}

/** A renamed category's old pages answer 308 to the new ones (tags and authors keep their slugs). */
async function redirectIfRenamed(kind: ListingKind, params: Params): Promise<void> {
  if (kind !== 'category') return;
  const { slug: rawSlug, page: rawPage } = await params;
  const slug = parseSlugParam(rawSlug);
  const page = parsePageParam(rawPage);
  if (slug && page) await redirectIfMoved(categoryPath(slug, page));
}

/** Page and metadata functions for one listing kind, shared by `/x/[slug]` and `/x/[slug]/trang/[page]`. */
export function listingRoute(kind: ListingKind) {
  async function Page({ params }: { params: Params }) {
    const listing = await loadListing(kind, params);
    if (!listing) await redirectIfRenamed(kind, params);
    if (!listing || (listing.list.page > 1 && listing.list.items.length === 0)) notFound();
    return <ListingPage {...listing} />;
  }
  async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
    const [listing, settings] = await Promise.all([loadListing(kind, params), cachedSiteSettings()]);
    if (!listing) return { title: 'Không tìm thấy trang' };
    return listingMetadata(
      {
        kind,
        name: listing.name,
        title: listing.title,
        ownDescription: listing.description,
        page: listing.list.page,
        path: listing.pagePath(listing.list.page),
        feedPath: kind === 'category' ? categoryRssPath(listing.slug) : undefined,
      },
      settings,
    );
  }
  return { Page, generateMetadata };
}
