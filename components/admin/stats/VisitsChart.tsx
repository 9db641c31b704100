import { formatViInteger } from '@/lib/numbers';
import type { BucketStat } from '@/lib/stats/buckets';

const W = 720;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 56 };

const unitOf = { day: 'Ngày', week: 'Tuần', month: 'Tháng' } as const;

/** Visits (bars) and pageviews (line) per day, week or month, as a plain SVG with a data table for screen readers. */
export function VisitsChart({ series, grouping, title }: { series: BucketStat[]; grouping: keyof typeof unitOf; title: string }) {
  const max = Math.max(1, ...series.map((d) => Math.max(d.visits, d.pageviews)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, series.length);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const x = (i: number) => PAD.left + i * step + step / 2;
  const line = series.map((d, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(d.pageviews).toFixed(1)}`).join(' ');
  const ticks = [...new Set([0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f)))];
  const labelEvery = Math.ceil(series.length / 10);

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="visits-chart-title" className="h-auto w-full">
        <title id="visits-chart-title">{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="fill-slate-500 text-[10px]">
              {formatViInteger(t)}
            </text>
          </g>
        ))}
        {series.map((d, i) => (
          <rect
            key={d.key}
            x={x(i) - step * 0.35}
            y={y(d.visits)}
            width={step * 0.7}
            height={Math.max(0, PAD.top + innerH - y(d.visits))}
            className="fill-sky-600"
          >
            <title>{`${d.longLabel}: ${formatViInteger(d.visits)} lượt truy cập, ${formatViInteger(d.pageviews)} lượt xem trang`}</title>
          </rect>
        ))}
        <path d={line} fill="none" strokeWidth={2} className="stroke-amber-500" />
        {series.map((d, i) =>
          i % labelEvery === 0 || i === series.length - 1 ? (
            <text key={d.key} x={x(i)} y={H - 8} textAnchor="middle" className="fill-slate-500 text-[10px]">
              {d.label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm text-slate-600">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-sky-600" />
          Lượt truy cập
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 bg-amber-500 align-middle" />
          Lượt xem trang
        </span>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Bảng số liệu</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left">
            <thead>
              <tr className="border-b">
                <th className="py-1 pr-2">{unitOf[grouping]}</th>
                <th className="py-1 pl-2 text-right">Lượt truy cập</th>
                <th className="py-1 pl-2 text-right">Lượt xem trang</th>
                <th className="py-1 pl-2 text-right">Khách</th>
              </tr>
            </thead>
            <tbody>
              {series.map((d) => (
                <tr key={d.key} className="border-b border-slate-100">
                  <td className="py-1 pr-2">{d.longLabel}</td>
                  <td className="py-1 pl-2 text-right tabular-nums">{formatViInteger(d.visits)}</td>
                  <td className="py-1 pl-2 text-right tabular-nums">{formatViInteger(d.pageviews)}</td>
                  <td className="py-1 pl-2 text-right tabular-nums">{formatViInteger(d.visitors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
