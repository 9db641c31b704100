import type { AccountNotice } from '@/server/accounts/take-account-alerts';
import { formatDateTimeVi } from '@/lib/time';

/** Notices about the viewer's own account (a burst of failed sign-ins), shown once on the dashboard. */
export function AccountAlerts({ notices }: { notices: AccountNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="canh-bao-tai-khoan" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 id="canh-bao-tai-khoan" className="font-semibold">
        Cảnh báo về tài khoản của bạn
      </h2>
      <ul className="space-y-1 text-sm">
        {notices.map((notice) => (
          <li key={notice.id}>
            {notice.message}{' '}
            <span className="text-amber-800">
              (lúc {formatDateTimeVi(notice.createdAt)}
              {notice.lastAt && notice.lastAt.getTime() - notice.createdAt.getTime() >= 60_000 ? `, lần gần nhất lúc ${formatDateTimeVi(notice.lastAt)}` : ''})
            </span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-amber-800">Thông báo này chỉ hiện một lần.</p>
    </section>
  );
}
