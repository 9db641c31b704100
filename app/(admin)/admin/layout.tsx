import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/AdminShell';
import { countPendingArticles } from '@/db/queries/admin-counts';
import { requirePageUser } from '@/server/auth/page-guard';
import { isEditor, roleLabels, sectionsFor } from '@/lib/auth/roles';
import { fontVariables } from '../../fonts';
import '../../admin.css';

export const metadata: Metadata = {
  title: { default: 'Tòa soạn', template: '%s | Tòa soạn' },
  robots: { index: false, follow: false },
};

/** Every admin page reads the session, so the whole section renders per request. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const pendingCount = isEditor(user.role) ? await countPendingArticles() : null;
  return (
    // `contents`: the fonts' variables and family are inherited without a box of their own.
    <div className={`contents font-sans ${fontVariables}`}>
      <AdminShell
        sections={sectionsFor(user.role).map(({ href, label }) => ({ href, label }))}
        userName={user.name}
        roleLabel={roleLabels[user.role]}
        pendingCount={pendingCount}
      >
        {children}
      </AdminShell>
    </div>
  );
}
