'use server';

import { revalidatePath, revalidateTag } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { saveSiteSettings, siteSettingsSchema, type SiteSettings } from '@/db/queries/settings';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { requireRole } from '@/server/auth/session';
import { cacheTags } from '@/lib/cache-tags';

// The shared schema, made strict at every level: unknown keys are refused, not ignored.
const settingsInput = siteSettingsSchema.extend({ contact: siteSettingsSchema.shape.contact.strict() }).strict();

export async function saveSiteSettingsAction(input: unknown): Promise<ActionResult<SiteSettings>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const settings = settingsInput.parse(input);
    await saveSiteSettings(settings);
    await recordAudit({ actorId: admin.id, action: 'settings.updated', targetType: 'settings', details: { portalName: settings.portalName, statsBaseline: settings.statsBaseline } });
    revalidateTag(cacheTags.settings, { expire: 0 });
    revalidatePath('/admin/cai-dat');
    return settings;
  }, 'Đã lưu cài đặt.');
}
