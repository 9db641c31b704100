import type { Metadata, Viewport } from 'next';
import { fontVariables } from './fonts';
import { siteRssPath } from '@/lib/public-paths';
import { siteUrl } from '@/lib/site-url';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: 'Cổng thông tin điện tử Thành phố Lào Cai', template: '%s | Thành phố Lào Cai' },
  description: 'Tin tức, sự kiện, chính sách và đời sống của Thành phố Lào Cai.',
  alternates: { types: { 'application/rss+xml': siteRssPath() } },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f4c81' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi" className={fontVariables}>
      <body className="bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
