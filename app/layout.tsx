import type { Metadata, Viewport } from 'next';
import { siteRssPath } from '@/lib/public-paths';
import { siteUrl } from '@/lib/site-url';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: 'Cổng thông tin điện tử Thành phố Lào Cai', template: '%s | Thành phố Lào Cai' },
  description: 'Tin tức, sự kiện, chính sách và đời sống của Thành phố Lào Cai.',
  alternates: { types: { 'application/rss+xml': siteRssPath() } },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f4c81' };

// Readers' pages use the system's fonts (Noto Sans/Serif where the system has them, as on
// Android): the four web font files (~105 KB) were the largest part of a phone's first paint
// (Lighthouse FCP 1.7 s → 1.1 s without them), and with `display: optional` they rarely showed
// on a first visit anyway. The newsroom's screens load them (app/(admin)/admin/layout.tsx).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
