import type { Metadata } from 'next';

// Open Graph and Twitter card tags. Next replaces a layout's `openGraph` and
// `twitter` with a page's, field by field never merged, so every public page
// gives the whole set through socialMetadata().

export type ShareImage = { url: string; width?: number; height?: number; alt: string };

/** The image shared for pages without one of their own (public/images). */
export const DEFAULT_SHARE_IMAGE = { url: '/images/og-default.jpg', width: 1200, height: 630 } as const;

export function defaultShareImage(siteName: string): ShareImage {
  return { ...DEFAULT_SHARE_IMAGE, alt: siteName };
}

export type ArticleFacts = {
  publishedTime?: string;
  modifiedTime?: string;
  section?: string;
  tags?: string[];
  authors?: string[];
};

export type SocialInput = {
  siteName: string;
  title: string;
  description: string;
  /** The page's canonical path; metadataBase (app/layout.tsx) makes it absolute. */
  path: string;
  image: ShareImage | null;
  /** An article's dates, section and tags: makes the page `og:type=article`. */
  article?: ArticleFacts;
};

export function socialMetadata(input: SocialInput): Pick<Metadata, 'openGraph' | 'twitter'> {
  const { siteName, title, path, image } = input;
  const description = input.description || undefined;
  const common = { siteName, title, description, url: path, locale: 'vi_VN', images: image ? [image] : undefined };
  return {
    openGraph: input.article ? { ...common, type: 'article', ...input.article } : { ...common, type: 'website' },
    twitter: {
      // The large card only has something to show when there is an image.
      card: image ? 'summary_large_image' : 'summary',
      title,
      description,
      images: image ? [{ url: image.url, alt: image.alt }] : undefined,
    },
  };
}
