import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { redirectIfMoved } from '@/server/redirects/redirect-if-moved';

// Any URL no route of the site matches: an old portal address an admin redirected here
// ("Chuyển hướng"), or a 404. Only a redirect is kept in the route cache; a 404 is never
// stored (server/cache/store-policy.mjs), so invented URLs cannot fill it.
// = PUBLIC_REVALIDATE_SECONDS (lib/cache-tags.ts): Next needs a literal here; tests/unit/revalidate.test.ts keeps the two equal.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export const metadata: Metadata = { title: 'Không tìm thấy trang' };

/** Where next.config.mjs sends paths that cannot name anything (malformed slugs, bad percent-encoding). */
const STATIC_NOT_FOUND = '_khong-tim-thay';

export default async function UnmatchedPath({ params }: { params: Promise<{ path: string[] }> }) {
  const segments = (await params).path;
  const path = segments[0] === STATIC_NOT_FOUND ? null : decodedPath(segments);
  if (path) await redirectIfMoved(path);
  notFound();
}

function decodedPath(segments: string[]): string | null {
  try {
    return `/${segments.map((s) => decodeURIComponent(s)).join('/')}`;
  } catch {
    return null;
  }
}
