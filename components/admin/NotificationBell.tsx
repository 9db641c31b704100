'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NOTIFICATION_POLL_MS } from '@/lib/notifications';
import { formatDateTimeVi } from '@/lib/time';

type Item = { id: number; kind: string; message: string; articleId: number | null; createdAt: string; readAt: string | null };
type Feed = { unread: number; emailNotifications: boolean; items: Item[] };

const post = (body: unknown) =>
  fetch('/api/admin/thong-bao', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/**
 * "Thông báo": the count of unread notifications in the admin header, asked again every
 * 20 s while the tab is visible (and at once when it becomes visible), so it moves without a
 * reload; the list opens under the bell.
 */
export function NotificationBell() {
  const [feed, setFeed] = useState<Feed | null>(null);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  // Bumped after a change made here (marked read, email choice): the effect below asks again at once.
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const res = await fetch('/api/admin/thong-bao', { cache: 'no-store' });
        if (res.ok && !stopped) setFeed((await res.json()) as Feed);
      } catch {
        // Offline for a moment: the next round tries again.
      }
    };
    void load();
    const timer = setInterval(() => void load(), NOTIFICATION_POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
  }, [asked]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => {
      if (panel.current && !panel.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const unread = feed?.unread ?? 0;
  return (
    <div className="relative" ref={panel}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="thong-bao"
        aria-label={unread ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
        onClick={() => setOpen((v) => !v)}
        className="relative rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100"
        data-testid="notification-bell"
      >
        <span aria-hidden="true">🔔</span>
        {unread ? (
          <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div id="thong-bao" role="region" aria-label="Thông báo" className="absolute right-0 z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 text-left shadow-lg">
          <div className="mb-2 flex items-center justify-between gap-2">
            <p className="font-semibold">Thông báo</p>
            {unread ? (
              <button
                type="button"
                className="text-xs text-sky-900 hover:underline"
                onClick={() => void post({ action: 'read' }).then(refresh)}
              >
                Đánh dấu tất cả đã đọc
              </button>
            ) : null}
          </div>
          {feed?.items.length ? (
            <ul className="max-h-80 space-y-1 overflow-y-auto">
              {feed.items.map((n) => (
                <li key={n.id} className={`rounded px-2 py-1.5 text-sm ${n.readAt ? 'text-slate-600' : 'bg-sky-50 font-medium text-slate-900'}`}>
                  {n.articleId ? (
                    <Link
                      href={`/admin/bai-viet/${n.articleId}`}
                      className="hover:underline"
                      onClick={() => {
                        setOpen(false);
                        if (!n.readAt) void post({ action: 'read', ids: [n.id] }).then(refresh);
                      }}
                    >
                      {n.message}
                    </Link>
                  ) : (
                    n.message
                  )}
                  <span className="block text-xs font-normal text-slate-500">{formatDateTimeVi(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">Chưa có thông báo nào.</p>
          )}
          {feed ? (
            <label className="mt-3 flex items-center gap-2 border-t border-slate-100 pt-2 text-sm">
              <input
                type="checkbox"
                checked={feed.emailNotifications}
                onChange={(e) => {
                  const enabled = e.currentTarget.checked;
                  setFeed({ ...feed, emailNotifications: enabled });
                  void post({ action: 'email', enabled }).then(refresh);
                }}
              />
              Nhận email thông báo
            </label>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
