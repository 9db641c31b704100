import Link from 'next/link';
import { categoryPath, homePath } from '@/lib/public-paths';
import { cachedCategories, cachedSiteSettings } from '@/server/public-data';
import { SearchBox } from './SearchBox';

export async function SiteHeader() {
  const [settings, categories] = await Promise.all([cachedSiteSettings(), cachedCategories()]);
  const topLevel = categories.filter((c) => c.parentId === null);
  const links = [
    <li key="home">
      <Link href={homePath()} className="nav-link">
        Trang chủ
      </Link>
    </li>,
    ...topLevel.map((c) => (
      <li key={c.id}>
        <Link href={categoryPath(c.slug)} className="nav-link">
          {c.name}
        </Link>
      </li>
    )),
  ];
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
        <Link href={homePath()} className="block">
          <span className="block font-serif text-xl font-bold leading-tight sm:text-2xl">{settings.portalName}</span>
          <span className="block text-sm text-sky-100">{settings.tagline}</span>
        </Link>
        <SearchBox />
      </div>
      <nav aria-label="Chuyên mục" className="bg-brand-dark text-sm font-semibold">
        {/* Phones: every category in a menu that opens downwards, not a strip scrolled sideways; no JavaScript. */}
        <details className="sm:hidden">
          <summary className="flex cursor-pointer items-center gap-2 px-4 py-3">
            <span aria-hidden="true">☰</span> Chuyên mục
          </summary>
          <ul className="border-t border-white/20 px-2 pb-2">{links}</ul>
        </details>
        <ul className="mx-auto hidden max-w-6xl flex-wrap gap-1 px-2 sm:flex">{links}</ul>
      </nav>
    </header>
  );
}
