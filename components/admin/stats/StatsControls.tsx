import Link from 'next/link';
import { STATS_VIEWS, statsPageHref, viewLabels, type StatsQuery } from '@/lib/stats/query';
import { formatDayVi, presetRange, rangeLabels, type RangeKey } from '@/lib/stats/range';

type Props = {
  /** The view on screen, or the default one when the address was refused (its links still lead somewhere valid). */
  query: StatsQuery;
  /** False when the address was refused: nothing is marked as current. */
  valid: boolean;
  /** What the custom-range fields show: the range on screen, or what was typed when it was refused. */
  typed: { tu: string; den: string };
  now: Date;
};

const PRESETS = ['7n', '30n', '12t'] as const satisfies readonly Exclude<RangeKey, 'tuy-chon'>[];
const pill = 'rounded-md border px-3 py-1.5 text-sm';
const current = 'border-sky-900 bg-sky-900 text-white';
const other = 'border-slate-300 bg-white hover:bg-slate-100';
const field = 'w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** The view tabs and the range choice, as links and a GET form: the whole page works without JavaScript. */
export function StatsControls({ query, valid, typed, now }: Props) {
  const customActive = valid && query.range.key === 'tuy-chon';
  return (
    <div className="space-y-3">
      <nav aria-label="Chế độ xem thống kê" className="flex flex-wrap gap-1 border-b border-slate-200">
        {STATS_VIEWS.map((view) => {
          const active = valid && query.view === view;
          return (
            <Link
              key={view}
              href={statsPageHref(query, { view })}
              aria-current={active ? 'page' : undefined}
              className={`-mb-px rounded-t-md border px-2 py-2 text-sm sm:px-3 ${active ? 'border-slate-200 border-b-white bg-white font-semibold' : 'border-transparent text-sky-900 hover:underline'}`}
            >
              {viewLabels[view]}
            </Link>
          );
        })}
      </nav>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <nav aria-label="Khoảng thời gian" className="flex flex-wrap gap-2">
          {PRESETS.map((key) => {
            const active = valid && query.range.key === key;
            return (
              <Link key={key} href={statsPageHref(query, { range: presetRange(key, now) })} aria-current={active ? 'page' : undefined} className={`${pill} ${active ? current : other}`}>
                {rangeLabels[key]}
              </Link>
            );
          })}
        </nav>
        <form method="get" action="/admin/thong-ke" className="min-w-0">
          <fieldset className="flex flex-wrap items-end gap-2">
            <legend className={`mb-1 text-sm ${customActive ? 'font-semibold' : 'text-slate-600'}`}>{rangeLabels['tuy-chon']}</legend>
            <input type="hidden" name="khoang" value="tuy-chon" />
            {query.view !== 'tong-quan' ? <input type="hidden" name="xem" value={query.view} /> : null}
            {query.view === 'bai-viet' && query.authorId !== null ? <input type="hidden" name="tac-gia" value={query.authorId} /> : null}
            <label className="grid gap-1 text-sm">
              Từ ngày
              <input name="tu" defaultValue={typed.tu} placeholder="dd/mm/yyyy" autoComplete="off" className={field} />
            </label>
            <label className="grid gap-1 text-sm">
              Đến ngày
              <input name="den" defaultValue={typed.den} placeholder="dd/mm/yyyy" autoComplete="off" className={field} />
            </label>
            <button type="submit" className={`${pill} ${customActive ? current : other}`}>
              Xem
            </button>
          </fieldset>
        </form>
      </div>
    </div>
  );
}

/** The custom fields' text for a range on screen. */
export function typedRange(query: StatsQuery): { tu: string; den: string } {
  return { tu: formatDayVi(query.range.from), den: formatDayVi(query.range.to) };
}
