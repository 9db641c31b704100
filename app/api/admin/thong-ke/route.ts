import { isEditor } from '@/lib/auth/roles';
import { AppError } from '@/lib/http/errors';
import { parseStatsQuery } from '@/lib/stats/query';
import { adminRoute } from '@/server/http/admin-route';
import { exportStatsCsv } from '@/server/stats/export-stats-csv';

/**
 * "Tải CSV" of /admin/thong-ke: GET with the page's own parameters
 * (lib/stats/query.ts) plus `xem`. Moderators and admins, as the page.
 */
export async function GET(request: Request) {
  return adminRoute(request, async (user) => {
    if (!isEditor(user.role)) throw new AppError('forbidden', 'Chỉ biên tập viên và quản trị viên được xem thống kê truy cập.');
    const parsed = parseStatsQuery(new URL(request.url).searchParams, new Date());
    if (!parsed.ok) throw new AppError('bad_request', parsed.message);
    const { filename, body } = await exportStatsCsv(parsed.query);
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
