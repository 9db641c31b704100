import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/site/NotFoundContent';
import { StaticShell } from '@/components/site/StaticShell';

// Next adds `noindex` to every not-found answer.
export const metadata: Metadata = { title: 'Không tìm thấy trang' };

// Prerendered by `next build`, so it must not read the database. scripts/serve.mjs also
// answers a page's notFound() with it (scripts/not-found-page.mjs).
export default function NotFound() {
  return (
    <StaticShell>
      <NotFoundContent />
    </StaticShell>
  );
}
