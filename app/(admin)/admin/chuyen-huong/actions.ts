'use server';

import { revalidatePath } from 'next/cache';
import { adminAction } from '@/server/actions/admin-action';
import { addManualRedirect } from '@/server/redirects/add-manual-redirect';
import { deleteRedirect } from '@/server/redirects/delete-redirect';
import { isExternalTarget } from '@/lib/redirects';
import { addRedirectInput, deleteRedirectInput } from '@/lib/validation/redirects';

/** The old path may have been answered (and cached) as a 404, or as the old redirect. */
function refresh(fromPath: string) {
  if (!isExternalTarget(fromPath)) revalidatePath(fromPath);
  revalidatePath('/admin/chuyen-huong');
}

export const addRedirectAction = adminAction(
  { schema: addRedirectInput, roles: ['admin'], successMessage: 'Đã thêm chuyển hướng.' },
  async (input, admin) => {
    const saved = await addManualRedirect({ ...input, actorId: admin.id });
    refresh(saved.fromPath);
    return { id: saved.id, fromPath: saved.fromPath, toPath: saved.toPath };
  },
);

export const deleteRedirectAction = adminAction(
  { schema: deleteRedirectInput, roles: ['admin'], successMessage: 'Đã xóa chuyển hướng.' },
  async ({ redirectId }, admin) => {
    const removed = await deleteRedirect({ redirectId, actorId: admin.id });
    refresh(removed.fromPath);
    return null;
  },
);
