import Link from 'next/link';
import { homePath } from '@/lib/public-paths';
import { VisitBeacon } from './VisitBeacon';
import { VisitStatsLive } from './VisitStatsLive';
import '@/app/site.css';

/**
 * Header and footer for pages prerendered by `next build` (404, about): they
 * cannot read the database, so no category menu and no live settings.
 */
export function StaticShell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#noi-dung" className="skip-link">
        Bỏ qua, tới nội dung chính
      </a>
      <header className="bg-brand px-4 py-4 text-white">
        <Link href={homePath()} className="mx-auto block max-w-6xl font-serif text-xl font-bold">
          Cổng thông tin điện tử Thành phố Lào Cai
        </Link>
      </header>
      <main id="noi-dung">{children}</main>
      <footer className="mt-10 bg-slate-800 px-4 py-6 text-sm text-slate-200">
        <div className="mx-auto mb-4 max-w-6xl">
          <VisitStatsLive initial={null} />
        </div>
        <p className="mx-auto max-w-6xl">
          <Link href={homePath()} className="underline">
            Trang chủ
          </Link>
          <span aria-hidden="true"> · </span>
          <Link href="/dang-nhap" prefetch={false} className="underline">
            Đăng nhập
          </Link>
        </p>
      </footer>
      <VisitBeacon />
    </>
  );
}
