import { env } from './env';

/** The public origin used in canonical URLs, feeds and sitemaps: SITE_URL, else http://localhost:PORT. */
export function siteUrl(path = '/'): string {
  const { SITE_URL, PORT } = env();
  const base = (SITE_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
