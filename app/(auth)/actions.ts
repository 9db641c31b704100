'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getLoginLockout } from '@/db/queries/login-attempts';
import { revokeSessions } from '@/server/accounts/revoke-sessions';
import { signIn, signOut } from '@/server/auth/auth';
import { failureOf, type ActionResult } from '@/lib/actions/result';
import { sanitizeCallbackUrl } from '@/lib/auth/callback-url';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/http/client-ip';
import { getSessionUser } from '@/server/auth/session';

const signInSchema = z
  .object({
    email: z.string().trim().min(1, 'Vui lòng nhập email.').max(200, 'Email quá dài.').email('Email không hợp lệ.'),
    password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200, 'Mật khẩu quá dài.'),
    callbackUrl: z.string().max(2000).optional(),
  })
  .strict();

/**
 * The sign-in form's state: the one ActionResult, plus the email as typed,
 * carried on a failure too so the form keeps it. `ok: true` means nothing to
 * show (before the first attempt); a successful sign-in redirects instead.
 */
export type SignInState = ActionResult<null> & { email: string };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  const parsed = signInSchema.safeParse({
    email,
    password: String(formData.get('password') ?? ''),
    callbackUrl: formData.get('callbackUrl')?.toString() || undefined,
  });
  if (!parsed.success) return { ...failureOf(parsed.error), email };

  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: sanitizeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === 'locked') return { ok: false, code: 'too_many_requests', message: await lockedMessage(parsed.data.email), email };
      return { ok: false, code: 'unauthorized', message: 'Email hoặc mật khẩu không đúng.', email };
    }
    if (error instanceof AuthError) return { ok: false, code: 'unauthorized', message: 'Không đăng nhập được lúc này, vui lòng thử lại.', email };
    throw error; // the redirect to callbackUrl on success
  }
  return { ok: true, data: null, email };
}

async function lockedMessage(email: string): Promise<string> {
  const ip = clientIp(await headers(), env().TRUSTED_PROXY_HOPS);
  const lockout = await getLoginLockout(email.trim().toLowerCase(), ip);
  const minutes = lockout.locked ? Math.max(1, Math.ceil(lockout.retryAfterSeconds / 60)) : 15;
  const who = lockout.locked && lockout.scope === 'ip' ? 'từ địa chỉ này' : 'cho tài khoản này';
  return `Đăng nhập sai quá nhiều lần ${who}. Vui lòng thử lại sau ${minutes} phút.`;
}

export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  // Deleting the cookie is not enough: a request in flight would re-issue it.
  if (user) await revokeSessions({ userId: user.id });
  await signOut({ redirectTo: '/dang-nhap' });
}
