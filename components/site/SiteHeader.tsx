import Link from 'next/link';
import { categoryPath, homePath } from '@/lib/public-paths';
import { cachedCategories, cachedSiteSettings } from '@/server/public-data';
import { SearchBox } from './SearchBox';

export async function SiteHeader() {
  const [settings, categories] = await Promise.all([cachedSiteSettings(), cachedCategories()]);
  const topLevel = categories.filter((c) => c.parentId === null);
  return (
    <header role="banner" className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
        <Link href={homePath()} className="block">
          <span className="block font-serif text-xl font-bold leading-tight sm:text-2xl">{settings.portalName}</span>
          <span className="block text-sm text-sky-100">{settings.tagline}</span>
        </Link>
        <SearchBox />
      </div>
      <nav aria-label="Chuyên mục" className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 text-sm font-semibold whitespace-nowrap">
          <li>
            <Link href={homePath()} className="block px-3 py-2 hover:bg-white/10">
              Trang chủ
            </Link>
          </li>
          {topLevel.map((c) => (
            <li key={c.id}>
              <Link href={categoryPath(c.slug)} className="block px-3 py-2 hover:bg-white/10">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
