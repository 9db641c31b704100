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
    </div>
  );
}
