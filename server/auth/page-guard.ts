import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import type { UserRole } from '@/db/schema';
import { sanitizeCallbackUrl } from '@/lib/auth/callback-url';
import { PATHNAME_HEADER } from '@/lib/auth/page-guard-header';
import { noteRequestUser } from '@/lib/observability-hooks.mjs';
import { getSessionUser, type SessionUser } from './session';

/**
 * For admin pages and layouts: anonymous → the sign-in page (and back
 * afterwards); signed in without one of `roles` → the Vietnamese 403 page.
 * Does not rely on proxy.ts having run.
 */
export async function requirePageUser(...roles: UserRole[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = sanitizeCallbackUrl((await headers()).get(PATHNAME_HEADER));
    redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(path)}`);
  }
  noteRequestUser(user.id);
  if (roles.length > 0 && !roles.includes(user.role)) forbidden();
  return user;
}
