import Link from 'next/link';
import { cachedSiteSettings } from '@/server/public-data';
import { siteRssPath } from '@/lib/public-paths';
import { VisitStats } from './VisitStats';

export async function SiteFooter() {
  const settings = await cachedSiteSettings();
  const c = settings.contact;
  return (
    <footer className="mt-10 bg-slate-800 text-slate-200">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 md:grid-cols-[2fr_1fr]">
        <address className="space-y-1 text-sm not-italic">
          <p className="font-serif text-lg font-bold text-white">{settings.portalName}</p>
          {[c.agency, c.editorInChief, c.address, c.phone, c.email, c.license].filter(Boolean).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </address>
        <div className="space-y-4">
          <VisitStats />
          <p>
            {/* Few readers sign in: no prefetch of the sign-in page on every page view. */}
            <Link href="/dang-nhap" prefetch={false} className="font-semibold text-white underline underline-offset-4">
              Đăng nhập
            </Link>
            <span aria-hidden="true"> · </span>
            {/* A feed, not a page: a plain link, so the router never prefetches it. */}
            <a href={siteRssPath()} className="text-slate-300 underline underline-offset-4">
              RSS
            </a>
          </p>
        </div>
      </div>
    </footer>
  );
}
