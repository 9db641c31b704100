import type { Metadata } from 'next';
import { SiteSettingsForm } from '@/components/admin/SiteSettingsForm';
import { getSiteSettings } from '@/db/queries/settings';
import { requirePageUser } from '@/server/auth/page-guard';
import { saveSiteSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Cài đặt' };

export default async function SettingsPage() {
  await requirePageUser('admin');
  const settings = await getSiteSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Cài đặt</h1>
      <SiteSettingsForm initial={settings} action={saveSiteSettingsAction} />
      <section aria-labelledby="sao-luu" className="space-y-2 rounded border border-slate-200 bg-white p-4">
        <h2 id="sao-luu" className="text-lg font-semibold">
          Sao lưu
        </h2>
        <p className="text-sm text-slate-600">
          Một tệp .tar.gz chứa toàn bộ cơ sở dữ liệu và ảnh trên đĩa, lấy ngay lúc này mà không dừng máy chủ; khôi phục bằng <code>npm run db:restore</code>.
          Tệp có dữ liệu cá nhân của người dùng: giữ ở nơi an toàn.
        </p>
        {/* A plain form: the browser downloads the answer (Content-Disposition: attachment). */}
        <form method="post" action="/api/admin/sao-luu">
          <button type="submit" className="rounded bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
            Tải bản sao lưu
          </button>
        </form>
      </section>
    </div>
  );
}
