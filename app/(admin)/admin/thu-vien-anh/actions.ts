'use server';

import { revalidatePath } from 'next/cache';
import { EDITOR_ROLES } from '@/lib/auth/roles';
import { cropKeysOf } from '@/lib/media/crops';
import { mediaUrl } from '@/lib/media/keys';
import { deleteMediaInput, updateMediaInput } from '@/lib/validation/media';
import { adminAction } from '@/server/actions/admin-action';
import { refreshPublicPages } from '@/server/cache/refresh-public-pages';
import { deleteMedia } from '@/server/media/delete-media';
import { updateMediaDetails } from '@/server/media/update-media';

// adminAction checks the session (401) and validates strictly; the use cases
// check what this member may do to this image (lib/media/permissions.ts):
// the uploader or an editor edits, only an editor deletes, and only an image
// no article uses.

const LIBRARY = '/admin/thu-vien-anh';

/** "Lưu thông tin ảnh": caption, alt text, credit and focal point. The pages showing it as their cover are refreshed. */
export const updateMediaAction = adminAction({ schema: updateMediaInput, successMessage: 'Đã lưu thông tin ảnh.' }, async (input, user) => {
  const { media, impact } = await updateMediaDetails(user, input);
  refreshPublicPages(impact);
  revalidatePath(LIBRARY);
  revalidatePath(`${LIBRARY}/${media.id}`);
  return {
    id: media.id,
    caption: media.caption,
    alt: media.alt,
    credit: media.credit,
    focalX: media.focalX,
    focalY: media.focalY,
    crops: cropKeysOf(media.storageKey, { x: media.focalX, y: media.focalY }).map(mediaUrl),
  };
});

/** "Xóa ảnh": editors, unused images only (409 otherwise). */
export const deleteMediaAction = adminAction({ schema: deleteMediaInput, roles: EDITOR_ROLES, successMessage: 'Đã xóa ảnh.' }, async (input, user) => {
  await deleteMedia(user, input);
  revalidatePath(LIBRARY);
  return null;
});
