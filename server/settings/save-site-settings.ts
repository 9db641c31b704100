import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { writeSiteSettings } from '@/db/queries/settings';
import { siteSettingsSchema, type SiteSettings } from '@/lib/validation/settings';

export type SaveSiteSettingsOptions = { settings: SiteSettings; actorId: number | null };

/** "Lưu cài đặt": stores the portal's name, contact block and visit baseline, and audits it. */
export async function saveSiteSettings({ settings, actorId }: SaveSiteSettingsOptions, db?: Executor): Promise<SiteSettings> {
  const conn = db ?? (await getDb());
  // Parsed again here so no caller can store a value the public pages would refuse to read (they fall back to the defaults).
  const value = siteSettingsSchema.parse(settings);
  await conn.transaction(async (tx) => {
    await writeSiteSettings(value, tx);
    await recordAudit(
      { actorId, action: 'settings.updated', targetType: 'settings', details: { portalName: value.portalName, statsBaseline: value.statsBaseline } },
      tx,
    );
  });
  return value;
}
