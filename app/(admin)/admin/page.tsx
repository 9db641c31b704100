import type { Metadata } from 'next';
import { AccountAlerts } from '@/components/admin/AccountAlerts';
import { AuditTable } from '@/components/admin/AuditTable';
import { DashboardArticles } from '@/components/admin/DashboardArticles';
import { listAuditEntries } from '@/db/queries/audit';
import { takeAccountNotices } from '@/server/accounts/take-account-alerts';
import { requirePageUser } from '@/server/auth/page-guard';

export const metadata: Metadata = { title: 'Tổng quan' };

export default async function DashboardPage() {
  const user = await requirePageUser();
  // Admins see everyone's activity; others only their own.
  const activity = await listAuditEntries({ pageSize: 15, actorId: user.role === 'admin' ? undefined : user.id });
  // Notices about one's own account (a burst of failed sign-ins), shown once.
  const notices = await takeAccountNotices(user.id);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Tổng quan</h1>

      <AccountAlerts notices={notices} />

      <DashboardArticles user={user} />

      <section aria-labelledby="hoat-dong-gan-day" className="space-y-3">
        <h2 id="hoat-dong-gan-day" className="text-lg font-semibold">
          Hoạt động gần đây
        </h2>
        <AuditTable rows={activity.rows} showActor={user.role === 'admin'} />
      </section>
    </div>
  );
}
