import { getDb, getReadDb } from '@/db';
import { countOnlineVisitors, getTopArticles, getTopReferrers } from '@/db/queries/stats';
import { getArticleViewsRanking, getVisitSeriesByBucket } from '@/db/queries/stats-range';
import { getVisitSnapshot } from '@/db/queries/visits';
import { formatViInteger } from '@/lib/numbers';
import { fillBuckets, sumBuckets } from '@/lib/stats/buckets';
import { statsPageHref, type StatsQuery } from '@/lib/stats/query';
import { describeRange } from '@/lib/stats/range';
import { formatDateTimeVi, localDay } from '@/lib/time';
import { REFERRER_MIN_VISITORS } from '@/lib/visits/rules';
import { CsvLink } from './CsvLink';
import { RankedList } from './RankedList';
import { VisitsChart } from './VisitsChart';

const groupingWords = { day: 'theo ngày', week: 'theo tuần (từ thứ Hai)', month: 'theo tháng' } as const;

function Figures({ label, cards, testId }: { label: string; cards: [string, number][]; testId: string }) {
  return (
    <section aria-label={label}>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid={testId}>
        {cards.map(([name, value]) => (
          <div key={name} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs uppercase text-slate-500">{name}</dt>
            <dd className="text-xl font-semibold tabular-nums wrap-anywhere md:text-2xl">{formatViInteger(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "Tổng quan": the live figures, the range's totals and chart, the most read articles and the referrers. */
export async function StatsOverview({ query, now }: { query: StatsQuery; now: Date }) {
  const { range } = query;
  const today = localDay(now);
  // The aggregates on a replica when there are some; the one snapshot row from the primary,
  // so the cards show the figures the public widget shows.
  const [db, readDb] = await Promise.all([getDb(), getReadDb()]);
  const [rows, online, snapshot, topRange, topToday, referrers] = await Promise.all([
    getVisitSeriesByBucket(range, range.grouping, readDb),
    countOnlineVisitors(now, readDb),
    getVisitSnapshot(db, now),
    getArticleViewsRanking(range, { limit: 10, offset: 0 }, readDb),
    getTopArticles(today, today, 10, readDb),
    getTopReferrers(range.from, range.to, 10, readDb),
  ]);
  const series = fillBuckets(range, rows);
  const totals = sumBuckets(series);
  const title = describeRange(range);

  return (
    <div className="space-y-6">
      <Figures
        label="Số liệu hiện tại"
        testId="stats-live"
        cards={[
          ['Đang online', online],
          ['Hôm nay', snapshot.today],
          ['Trong tuần', snapshot.week],
          ['Tất cả', snapshot.total],
        ]}
      />
      <p className="-mt-4 text-xs text-slate-500">
        Tổng hợp lúc {snapshot.computedAt ? formatDateTimeVi(snapshot.computedAt) : '—'} (khoảng 20 giây một lần); “Đang online” tính trực tiếp.
      </p>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">{title}</h2>
          <CsvLink query={query} />
        </div>
        <Figures
          label={`Tổng của khoảng: ${title}`}
          testId="stats-range-totals"
          cards={[
            ['Lượt truy cập', totals.visits],
            ['Lượt xem trang', totals.pageviews],
            ['Khách (cộng theo ngày)', totals.visitors],
            ['Lượt xem bài viết', topRange.totalViews],
          ]}
        />
        <VisitsChart series={series} grouping={range.grouping} title={`Lượt truy cập và lượt xem trang ${groupingWords[range.grouping]}, ${title}`} />
      </section>
      <div className="grid gap-4 lg:grid-cols-3">
        <RankedList
          title="Bài đọc nhiều trong khoảng"
          unit="lượt xem"
          empty="Chưa có lượt xem bài nào trong khoảng này."
          items={topRange.rows.map((a) => ({ key: String(a.id), label: a.title || '(Chưa có tiêu đề)', href: `/admin/bai-viet/${a.id}`, value: a.views }))}
          more={topRange.total > topRange.rows.length ? { href: statsPageHref(query, { view: 'bai-viet' }), label: `Xem cả ${formatViInteger(topRange.total)} bài →` } : undefined}
        />
        <RankedList
          title="Bài đọc nhiều hôm nay"
          unit="lượt xem"
          empty="Chưa có lượt xem nào hôm nay."
          items={topToday.map((a) => ({ key: String(a.id), label: a.title || '(Chưa có tiêu đề)', href: `/admin/bai-viet/${a.id}`, value: a.views }))}
        />
        <RankedList
          title="Nguồn truy cập"
          unit="lượt"
          empty={`Chưa có trang nào đưa tới từ ${REFERRER_MIN_VISITORS} khách khác nhau trở lên trong một ngày của khoảng này.`}
          items={referrers.map((r) => ({ key: r.host, label: r.host, value: r.visits }))}
        />
      </div>
    </div>
  );
}
