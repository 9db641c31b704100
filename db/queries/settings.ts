import 'server-only';
import { eq } from 'drizzle-orm';
import { defaultSiteSettings, siteSettingsSchema, type SiteSettings } from '@/lib/validation/settings';
import type { Executor } from '../client';
import { getDb } from '../index';
import { siteSettings } from '../schema';

const SETTINGS_KEY = 'site';

/** The stored settings; the defaults when none are stored or the stored JSON no longer fits the schema. */
export async function getSiteSettings(db?: Executor): Promise<SiteSettings> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(siteSettings).where(eq(siteSettings.key, SETTINGS_KEY)).limit(1);
  const parsed = siteSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultSiteSettings;
}

/** Stores the settings row, replacing the previous value. */
export async function writeSiteSettings(value: SiteSettings, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  await conn
    .insert(siteSettings)
    .values({ key: SETTINGS_KEY, value })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: new Date() } });
}
