'use client';

import { useEffect, useState } from 'react';

export type VisitFigures = { online: number; today: number; week: number; total: number };

const number = new Intl.NumberFormat('vi-VN');
const REFRESH_MS = 60_000;

function isFigures(value: unknown): value is VisitFigures {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return ['online', 'today', 'week', 'total'].every((k) => typeof v[k] === 'number');
}

/** `initial` is null on pages prerendered at build time: the figures arrive after load. */
export function VisitStatsLive({ initial }: { initial: VisitFigures | null }) {
  const [figures, setFigures] = useState(initial);

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const response = await fetch('/api/visits/summary');
        const data: unknown = response.ok ? await response.json() : null;
        if (!cancelled && isFigures(data)) setFigures(data);
      } catch {
        // keep the figures we have
      }
    };
    void refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, []);

  const rows: [string, keyof VisitFigures][] = [
    ['Đang online', 'online'],
    ['Hôm nay', 'today'],
    ['Trong tuần', 'week'],
    ['Tất cả', 'total'],
  ];
  return (
    <section aria-labelledby="visit-stats-title" data-testid="visit-stats">
      <h2 id="visit-stats-title" className="font-semibold text-white">
        Thống kê truy cập
      </h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {rows.map(([label, key]) => (
          <li key={key}>
            {label}: <span data-stat={key}>{figures ? number.format(figures[key]) : '…'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
