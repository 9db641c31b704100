import { env, type Env } from './env';

/** The public origin used in canonical URLs, feeds and sitemaps: SITE_URL, else http://localhost:PORT. */
export function siteUrl(path = '/'): string {
  const { SITE_URL, PORT } = env();
  const base = (SITE_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

type DeploymentConfig = Pick<Env, 'NODE_ENV' | 'SITE_URL' | 'DATABASE_URL' | 'REDIS_URL' | 'S3_BUCKET'>;

/**
 * A deployment (production on a Postgres server, a shared Redis or an S3 store: the set-ups that
 * run behind a proxy, often as several instances) must name its public address: the fallback,
 * http://localhost:PORT, would end up in every canonical URL, feed and sitemap, and each instance
 * would give its own. The embedded default (`npm start` on PGlite, one process) keeps the fallback.
 * Not a rule of lib/env.ts: `next build` runs as production too.
 */
export function missingSiteUrl(config: DeploymentConfig): string | null {
  if (config.SITE_URL || config.NODE_ENV !== 'production') return null;
  const because = config.DATABASE_URL ? 'DATABASE_URL' : config.REDIS_URL ? 'REDIS_URL' : config.S3_BUCKET ? 'S3_BUCKET' : null;
  if (!because) return null;
  return (
    `Thiếu SITE_URL: môi trường production với ${because} phải đặt địa chỉ công khai của cổng (ví dụ SITE_URL=https://laocai.gov.vn), ` +
    'nếu không URL chuẩn, RSS và sitemap sẽ mang địa chỉ localhost.'
  );
}
