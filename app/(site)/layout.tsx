import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';

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
    </>
  );
}
