'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { revokeSessions } from '@/server/accounts/revoke-sessions';
import { SignInLockedOut, signIn, signOut } from '@/server/auth/auth';
import { failureOf, type ActionResult } from '@/lib/actions/result';
import { sanitizeCallbackUrl } from '@/lib/auth/callback-url';
import type { LoginRefusalScope } from '@/lib/auth/login-limits';
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
  // The action is a public endpoint: its body can be anything (`[]`, null, a plain object), not only the form's FormData.
  const email = field(formData, 'email');
  const parsed = signInSchema.safeParse({ email, password: field(formData, 'password'), callbackUrl: field(formData, 'callbackUrl') || undefined });
  if (!parsed.success) return { ...failureOf(parsed.error), email };

  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: sanitizeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof SignInLockedOut) {
      return { ok: false, code: 'too_many_requests', message: lockedMessage(error.scope, error.retryAfterSeconds), email };
    }
    if (error instanceof CredentialsSignin) return { ok: false, code: 'unauthorized', message: 'Email hoặc mật khẩu không đúng.', email };
    if (error instanceof AuthError) return { ok: false, code: 'unauthorized', message: 'Không đăng nhập được lúc này, vui lòng thử lại.', email };
    throw error; // the redirect to callbackUrl on success
  }
  return { ok: true, data: null, email };
}

/** A text field of the form, or '' when the payload is not a FormData or the field is missing or a file. */
function field(formData: unknown, name: string): string {
  if (!(formData instanceof FormData)) return '';
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** Which limit refused the attempt, and for how long, from the refusal itself (lib/auth/login-limits.ts). */
function lockedMessage(scope: LoginRefusalScope, retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  if (scope === 'slowdown') {
    return `Tài khoản này vừa bị đăng nhập sai nhiều lần. Vui lòng thử lại sau ${seconds} giây.`;
  }
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const who = scope === 'ip' ? 'từ địa chỉ này' : 'cho tài khoản này từ địa chỉ này';
  return `Đăng nhập sai quá nhiều lần ${who}. Vui lòng thử lại sau ${minutes} phút.`;
}

export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  // Deleting the cookie is not enough: a request in flight would re-issue it.
  if (user) await revokeSessions({ userId: user.id });
  await signOut({ redirectTo: '/dang-nhap' });
}
