'use server';

import { revalidatePath, revalidateTag } from 'next/cache';
import { saveSiteSettings } from '@/server/settings/save-site-settings';
import { adminAction } from '@/server/actions/admin-action';
import { cacheTags } from '@/lib/cache-tags';
import { siteSettingsInput } from '@/lib/validation/settings';

export const saveSiteSettingsAction = adminAction(
  { schema: siteSettingsInput, roles: ['admin'], successMessage: 'Đã lưu cài đặt.' },
  async (settings, admin) => {
    const saved = await saveSiteSettings({ settings, actorId: admin.id });
    revalidateTag(cacheTags.settings, { expire: 0 });
    revalidatePath('/admin/cai-dat');
    return saved;
  },
);
