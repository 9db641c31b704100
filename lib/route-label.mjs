// A request's path as a route pattern, for metric labels and log lines: the set of labels stays
// small whatever readers or crawlers ask for (a slug, an id or a made-up path never becomes a
// label of its own). Pure.
const PATTERNS = [
  [/^\/$/, '/'],
  [/^\/bai-viet\/[^/]+$/, '/bai-viet/:slug'],
  [/^\/chuyen-muc\/[^/]+(?:\/trang\/\d+)?$/, '/chuyen-muc/:slug'],
  [/^\/the\/[^/]+(?:\/trang\/\d+)?$/, '/the/:slug'],
  [/^\/tac-gia\/[^/]+(?:\/trang\/\d+)?$/, '/tac-gia/:slug'],
  [/^\/tim-kiem$/, '/tim-kiem'],
  [/^\/media\//, '/media/*'],
  [/^\/_next\/static\//, '/_next/static/*'],
  [/^\/_next\/image$/, '/_next/image'],
  [/^\/api\/visits(?:\/(?:pixel|summary))?$/, null],
  [/^\/api\/health\/(?:live|ready)$/, null],
  [/^\/api\/admin\/bai-viet\/\d+$/, '/api/admin/bai-viet/:id'],
  [/^\/api\/admin\//, '/api/admin/*'],
  [/^\/api\/auth\//, '/api/auth/*'],
  [/^\/api\/(?:search|metrics)$/, null],
  [/^\/admin\/bai-viet\/\d+$/, '/admin/bai-viet/:id'],
  [/^\/admin$/, null],
  [/^\/admin\//, '/admin/*'],
  [/^\/(?:dang-nhap|rss\.xml|sitemap\.xml|robots\.txt|favicon\.ico|manifest\.webmanifest|gioi-thieu|lien-he)$/, null],
  [/^\/sitemaps?\/[^/]+\.xml$/, '/sitemap/*'],
];

/** The route pattern of `pathname` (without its query); "other" for anything not known. */
export function routeLabel(pathname) {
  for (const [pattern, label] of PATTERNS) if (pattern.test(pathname)) return label ?? pathname;
  return 'other';
}
