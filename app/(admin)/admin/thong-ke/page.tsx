import type { Metadata } from 'next';
import { StatsByArticle } from '@/components/admin/stats/StatsByArticle';
import { StatsByAuthor } from '@/components/admin/stats/StatsByAuthor';
import { StatsControls, typedRange } from '@/components/admin/stats/StatsControls';
import { StatsOverview } from '@/components/admin/stats/StatsOverview';
import { EDITOR_ROLES } from '@/lib/auth/roles';
import { DEFAULT_VIEW, parseStatsQuery, type StatsQuery } from '@/lib/stats/query';
import { presetRange } from '@/lib/stats/range';
import { ARTICLE_VIEW_REPEAT_MS, REFERRER_MIN_VISITORS } from '@/lib/visits/rules';
import { requirePageUser } from '@/server/auth/page-guard';

export const metadata: Metadata = { title: 'Thống kê truy cập' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VisitStatsPage({ searchParams }: Props) {
  await requirePageUser(...EDITOR_ROLES);
  const now = new Date();
  const parsed = parseStatsQuery(await searchParams, now);
  // A refused address still gets working tabs and presets (from the default view) and its own text back in the fields.
  const query: StatsQuery = parsed.ok ? parsed.query : { view: DEFAULT_VIEW, range: presetRange('7n', now), authorId: null, page: 1 };
  const typed = parsed.ok ? typedRange(query) : { tu: parsed.input.tu ?? '', den: parsed.input.den ?? '' };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Thống kê truy cập</h1>
        <p className="text-sm text-slate-600">
          Ngày và tuần tính theo giờ Việt Nam, tuần bắt đầu từ thứ Hai. Lượt xem bài: mỗi khách tối đa một lượt cho một bài trong {ARTICLE_VIEW_REPEAT_MS / 60_000} phút;
          nguồn truy cập chỉ hiện khi trong một ngày có từ {REFERRER_MIN_VISITORS} khách khác nhau trở lên đến từ đó. Số khách được đếm theo từng ngày, nên
          một người đọc quay lại nhiều ngày được tính mỗi ngày một lần.
        </p>
      </div>
      <StatsControls query={query} valid={parsed.ok} typed={typed} now={now} />
      {!parsed.ok ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {parsed.message}
        </p>
      ) : (
        <>
          {query.range.notice ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{query.range.notice}</p> : null}
          {query.view === 'bai-viet' ? (
            <StatsByArticle query={query} />
          ) : query.view === 'tac-gia' ? (
            <StatsByAuthor query={query} />
          ) : (
            <StatsOverview query={query} now={now} />
          )}
        </>
      )}
    </div>
  );
}
