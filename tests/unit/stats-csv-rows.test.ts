import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/csv';
import { bucketsOf } from '@/lib/stats/buckets';
import { articleCsvRows, authorCsvRows, overviewCsvRows, statsCsvFilename } from '@/lib/stats/csv-rows';

describe('stats CSV rows', () => {
  it('writes one overview row per bucket with plain-digit figures', () => {
    const [day] = bucketsOf({ from: '2026-12-01', to: '2026-12-01', grouping: 'day' });
    const [month] = bucketsOf({ from: '2026-11-15', to: '2026-11-30', grouping: 'month' });
    const rows = overviewCsvRows([
      { ...day!, visits: 1784275, pageviews: 2000000, visitors: 12 },
      { ...month!, visits: 0, pageviews: 0, visitors: 0 },
    ]);
    expect(toCsv(rows)).toBe(
      '\uFEFFKỳ,Từ ngày,Đến ngày,Lượt truy cập,Lượt xem trang,Khách (cộng theo ngày)\r\n' +
        '01/12/2026,2026-12-01,2026-12-01,1784275,2000000,12\r\n' +
        'Tháng 11/2026,2026-11-15,2026-11-30,0,0,0\r\n',
    );
  });

  it('writes articles with their publication day in Vietnam time and defuses formulas in titles', () => {
    const rows = articleCsvRows([
      // 17:30 UTC on 30 November is 00:30 on 1 December in Hà Nội.
      { rank: 1, id: 42, title: '=HYPERLINK("http://x","Bấm")', categoryName: 'Thời sự, Chính trị', authorName: '@Nguyễn Văn A', publishedAt: new Date('2026-11-30T17:30:00Z'), inTrash: false, views: 1234 },
      { rank: 2, id: 7, title: 'Dòng một\nDòng hai', categoryName: null, authorName: '-Lê', publishedAt: null, inTrash: true, views: 5 },
    ]);
    expect(toCsv(rows).split('\r\n')).toEqual([
      '\uFEFFHạng,Mã bài,Tiêu đề,Chuyên mục,Tác giả,Ngày xuất bản,Trong thùng rác,Lượt xem',
      `1,42,"'=HYPERLINK(""http://x"",""Bấm"")","Thời sự, Chính trị",'@Nguyễn Văn A,2026-12-01,,1234`,
      `2,7,"Dòng một\nDòng hai",,'-Lê,,có,5`,
      '',
    ]);
  });

  it('writes authors with their number of articles read', () => {
    expect(authorCsvRows([{ rank: 1, id: 3, name: 'Trần Thị B', articles: 4, views: 10500 }])).toEqual([
      ['Hạng', 'Mã tác giả', 'Tác giả', 'Số bài được xem', 'Lượt xem'],
      [1, 3, 'Trần Thị B', 4, 10500],
    ]);
  });

  it('names the file after the view and the range', () => {
    expect(statsCsvFilename('bai-viet', { from: '2026-11-01', to: '2026-11-30' })).toBe('thong-ke-bai-viet-2026-11-01-2026-11-30.csv');
  });
});
