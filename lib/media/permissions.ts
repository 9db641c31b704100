import type { UserRole } from '@/db/schema';
import { isEditor } from '@/lib/auth/roles';

type Member = { id: number; role: UserRole };

// Who may change the library. Every member may upload and browse; an image's
// words and framing belong to whoever uploaded it and to the editors, who
// answer for what the site publishes. Deleting is final (the file goes, and
// any page or share still linking it breaks), so it is the editors' alone,
// and only for an image no article uses (server/media/delete-media.ts).

/** Caption, alt text, credit and focal point: the uploader, or any editor (moderator, admin). */
export function canEditMedia(user: Member, media: { uploadedBy: number | null }): boolean {
  return isEditor(user.role) || (media.uploadedBy !== null && media.uploadedBy === user.id);
}

/** Deleting an image from the library: editors only; whether it is still used is the use case's check. */
export function canDeleteMedia(user: Member): boolean {
  return isEditor(user.role);
}
