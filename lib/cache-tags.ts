/** Cache tags for public content; publishing revalidates exactly the ones it touches. */
export const cacheTags = {
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  category: (slug: string) => `category:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  taxonomy: 'taxonomy',
  settings: 'settings',
  stats: 'stats',
} as const;

/** Public pages re-render at most this often; scheduled articles appear within it. */
export const PUBLIC_REVALIDATE_SECONDS = 60;
