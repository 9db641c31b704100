import { listAuditEntriesForExport } from '@/db/queries/audit';
import { auditLogCsv, auditLogCsvFileName } from '@/lib/audit/csv';
import { AppError } from '@/lib/http/errors';
import { auditLogQueryOf, parseAuditLogFilters } from '@/lib/validation/audit-log';
import { adminRoute } from '@/server/http/admin-route';

// "Tải CSV" (Nhật ký): the lines the page's filters match, without its pages (the newest 50,000 at most). Admins only.
// Rendered per request without a segment option: it reads the session cookie, and GET handlers are not cached by default.

export async function GET(request: Request) {
  return adminRoute(request, async (user) => {
    if (user.role !== 'admin') throw new AppError('forbidden', 'Chỉ quản trị viên được tải nhật ký.');
    const parsed = parseAuditLogFilters(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError('validation_failed', parsed.message);
    const rows = await listAuditEntriesForExport(auditLogQueryOf(parsed.filters));
    return new Response(auditLogCsv(rows), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${auditLogCsvFileName(new Date())}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
