import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { VisitBeacon } from '@/components/site/VisitBeacon';
import '../site.css';

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#noi-dung" className="skip-link">
        Bỏ qua, tới nội dung chính
      </a>
      <SiteHeader />
      <main id="noi-dung" className="mx-auto w-full max-w-6xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
      {/* Counts the visit after load, so pages served from the cache still count. */}
      <VisitBeacon />
      <noscript>
        {/* eslint-disable-next-line @next/next/no-img-element -- a 1×1 counter, not content */}
        <img src="/api/visits/pixel" alt="" width={1} height={1} className="absolute h-px w-px opacity-0" />
      </noscript>
    </>
  );
}
