/** The public origin used in canonical URLs, feeds and sitemaps. */
export function siteUrl(path = '/'): string {
  const base = (process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
