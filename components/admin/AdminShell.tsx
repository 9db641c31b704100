'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { signOutAction } from '@/app/(auth)/actions';
import { NotificationBell } from './NotificationBell';

type Props = {
  sections: { href: string; label: string }[];
  userName: string;
  roleLabel: string;
  /** Null for roles that do not review. */
  pendingCount: number | null;
  children: React.ReactNode;
};

/** Sidebar on desktop, a toggled menu on mobile. What each role sees is decided on the server. */
export function AdminShell({ sections, userName, roleLabel, pendingCount, children }: Props) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const isActive = (href: string) => (href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`));

  return (
    <div className="min-h-screen md:flex">
      <aside className="bg-sky-900 text-white md:sticky md:top-0 md:h-screen md:w-60 md:shrink-0 md:overflow-y-auto">
        <div className="flex items-center justify-between px-4 py-3">
          <Link href="/admin" className="text-lg font-bold">
            Tòa soạn
          </Link>
          <button
            type="button"
            className="rounded-md border border-white/30 px-3 py-1 text-sm md:hidden"
            aria-expanded={menuOpen}
            aria-controls="admin-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? 'Đóng menu' : 'Menu'}
          </button>
        </div>
        <nav id="admin-nav" aria-label="Quản trị tòa soạn" className={`${menuOpen ? 'block' : 'hidden'} pb-3 md:block`}>
          <ul>
            {sections.map((section) => (
              <li key={section.href}>
                <Link
                  href={section.href}
                  aria-current={isActive(section.href) ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                  className={`block px-4 py-2 text-sm hover:bg-sky-800 ${isActive(section.href) ? 'bg-sky-950 font-semibold' : ''}`}
                >
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-center justify-end gap-3 border-b border-slate-200 bg-white px-4 py-2 text-sm">
          {pendingCount !== null ? (
            <Link href="/admin/cho-duyet" className="rounded-full bg-amber-100 px-3 py-1 font-medium text-amber-900" data-testid="pending-count">
              Chờ duyệt: {pendingCount}
            </Link>
          ) : null}
          <NotificationBell />
          <span>
            <span className="font-semibold">{userName}</span> <span className="text-slate-500">({roleLabel})</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
              Đăng xuất
            </button>
          </form>
        </header>
        <main id="noi-dung" className="px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
