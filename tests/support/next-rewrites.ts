import type { NextConfig } from 'next';
import { modifyRouteRegex } from 'next/dist/lib/redirect-status';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';

/** Where next.config.mjs sends what cannot name anything: the static 404. */
export const NOT_FOUND_DESTINATION = '/_khong-tim-thay';

// next.config.mjs has no type file (it must stay plain .mjs), so it is imported by URL.
export async function loadNextConfig(): Promise<NextConfig> {
  const url = new URL('../../next.config.mjs', import.meta.url).href;
  return ((await import(url)) as { default: NextConfig }).default;
}

/**
 * True when an unconditional beforeFiles rewrite of next.config.mjs sends
 * `pathname` to the static 404, matched the way Next's router matches custom
 * routes (caseSensitiveRoutes is off by default). Rewrites with `has` or
 * `missing` conditions depend on more than the path and are left out.
 */
export async function rewritesTo404(): Promise<(pathname: string) => boolean> {
  const rewrites = await (await loadNextConfig()).rewrites?.();
  if (!rewrites || Array.isArray(rewrites)) throw new Error('next.config.mjs should return { beforeFiles, … } rewrites');
  const matchers = (rewrites.beforeFiles ?? [])
    .filter((rewrite) => rewrite.destination === NOT_FOUND_DESTINATION && !rewrite.has && !rewrite.missing)
    .map((rewrite) =>
      getPathMatch(rewrite.source, { strict: true, removeUnnamedParams: true, sensitive: false, regexModifier: (r) => modifyRouteRegex(r) }),
    );
  if (matchers.length === 0) throw new Error('next.config.mjs has no rewrite to the static 404');
  return (pathname) => matchers.some((match) => match(pathname) !== false);
}
