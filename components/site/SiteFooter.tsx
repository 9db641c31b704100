import Link from 'next/link';
import { cachedSiteSettings } from '@/server/public-data';
import { siteRssPath } from '@/lib/public-paths';
import { VisitStats } from './VisitStats';

export async function SiteFooter() {
  const settings = await cachedSiteSettings();
  const c = settings.contact;
  return (
    <footer role="contentinfo" className="mt-10 bg-slate-800 text-slate-200">
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
            <Link href="/dang-nhap" className="font-semibold text-white underline underline-offset-4">
              Đăng nhập
            </Link>
            <span aria-hidden="true"> · </span>
            <Link href={siteRssPath()} className="text-slate-300 underline underline-offset-4">
              RSS
            </Link>
          </p>
        </div>
      </div>
    </footer>
  );
}
