import type { Metadata } from 'next';
import { RankedList } from '@/components/admin/stats/RankedList';
import { VisitsChart } from '@/components/admin/stats/VisitsChart';
import { getDb, getReadDb } from '@/db';
import { countOnlineVisitors, getDailyVisitSeries, getTopArticles, getTopReferrers } from '@/db/queries/stats';
import { getVisitSnapshot } from '@/db/queries/visits';
import { articlePath } from '@/lib/public-paths';
import { ARTICLE_VIEW_REPEAT_MS, REFERRER_MIN_VISITORS } from '@/lib/visits/rules';
import { requirePageUser } from '@/server/auth/page-guard';
import { addDays, formatDateTimeVi, localDay, startOfLocalWeek } from '@/lib/time';

export const metadata: Metadata = { title: 'Thống kê truy cập' };

const number = new Intl.NumberFormat('vi-VN');

export default async function VisitStatsPage() {
  await requirePageUser('moderator', 'admin');
  const now = new Date();
  const today = localDay(now);
  const weekStart = localDay(startOfLocalWeek(now));
  // The aggregates on a replica when there are some; the one snapshot row from the primary,
  // so the cards show the figures the public widget shows.
  const [db, readDb] = await Promise.all([getDb(), getReadDb()]);
  const [series, online, snapshot, topToday, topWeek, referrers] = await Promise.all([
    getDailyVisitSeries(30, now, readDb),
    countOnlineVisitors(now, readDb),
    getVisitSnapshot(db, now),
    getTopArticles(today, today, 10, readDb),
    getTopArticles(weekStart, today, 10, readDb),
    getTopReferrers(addDays(today, -29), today, 10, readDb),
  ]);
  const last30 = series.reduce((sum, d) => ({ visits: sum.visits + d.visits, pageviews: sum.pageviews + d.pageviews }), { visits: 0, pageviews: 0 });
  const cards: [string, number][] = [
    ['Đang online', online],
    ['Hôm nay', snapshot.today],
    ['Trong tuần', snapshot.week],
    ['Tất cả', snapshot.total],
    ['Lượt xem trang 30 ngày', last30.pageviews],
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Thống kê truy cập</h1>
        <p className="text-sm text-slate-600">
          Số liệu tổng hợp lúc {snapshot.computedAt ? formatDateTimeVi(snapshot.computedAt) : '—'} (cập nhật khoảng 20 giây một lần); “Đang online” tính trực tiếp.
          Ngày và tuần tính theo giờ Việt Nam, tuần bắt đầu từ thứ Hai. Lượt xem bài: mỗi khách tối đa một lượt cho một bài trong {ARTICLE_VIEW_REPEAT_MS / 60_000} phút;
          nguồn truy cập chỉ hiện khi trong một ngày có từ {REFERRER_MIN_VISITORS} khách khác nhau trở lên đến từ đó.
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {cards.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs uppercase text-slate-500">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">30 ngày gần nhất</h2>
        <VisitsChart series={series} />
      </section>
      <div className="grid gap-4 lg:grid-cols-3">
        <RankedList
          title="Bài đọc nhiều hôm nay"
          unit="lượt xem"
          empty="Chưa có lượt xem nào hôm nay."
          items={topToday.map((a) => ({ key: String(a.id), label: a.title, href: articlePath(a.slug), value: a.views }))}
        />
        <RankedList
          title="Bài đọc nhiều tuần này"
          unit="lượt xem"
          empty="Chưa có lượt xem nào tuần này."
          items={topWeek.map((a) => ({ key: String(a.id), label: a.title, href: articlePath(a.slug), value: a.views }))}
        />
        <RankedList
          title="Nguồn truy cập (30 ngày)"
          unit="lượt"
          empty={`Chưa có trang nào đưa tới từ ${REFERRER_MIN_VISITORS} khách khác nhau trở lên trong một ngày.`}
          items={referrers.map((r) => ({ key: r.host, label: r.host, value: r.visits }))}
        />
      </div>
    </div>
  );
}
