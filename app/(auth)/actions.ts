'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { z } from 'zod';
import { recordAudit } from '@/db/queries/audit';
import { getLoginLockout } from '@/db/queries/login-attempts';
import { revokeSessions } from '@/db/queries/users';
import { signIn, signOut } from '@/server/auth/auth';
import { sanitizeCallbackUrl } from '@/lib/auth/callback-url';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';
import { getSessionUser } from '@/server/auth/session';

const signInSchema = z
  .object({
    email: z.string().trim().min(1, 'Vui lòng nhập email.').max(200, 'Email quá dài.').email('Email không hợp lệ.'),
    password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200, 'Mật khẩu quá dài.'),
    callbackUrl: z.string().max(2000).optional(),
  })
  .strict();

export type SignInState = { message: string | null; email: string };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  const parsed = signInSchema.safeParse({
    email,
    password: String(formData.get('password') ?? ''),
    callbackUrl: formData.get('callbackUrl')?.toString() || undefined,
  });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Dữ liệu không hợp lệ.', email };

  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: sanitizeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === 'locked') return { message: await lockedMessage(parsed.data.email), email };
      return { message: 'Email hoặc mật khẩu không đúng.', email };
    }
    if (error instanceof AuthError) return { message: 'Không đăng nhập được lúc này, vui lòng thử lại.', email };
    throw error; // the redirect to callbackUrl on success
  }
  return { message: null, email };
}

async function lockedMessage(email: string): Promise<string> {
  const ip = clientIpFromHeaders(await headers());
  const lockout = await getLoginLockout(email.trim().toLowerCase(), ip);
  const minutes = lockout.locked ? Math.max(1, Math.ceil(lockout.retryAfterSeconds / 60)) : 15;
  const who = lockout.locked && lockout.scope === 'ip' ? 'từ địa chỉ này' : 'cho tài khoản này';
  return `Đăng nhập sai quá nhiều lần ${who}. Vui lòng thử lại sau ${minutes} phút.`;
}

export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) {
    // Deleting the cookie is not enough: a request in flight would re-issue it.
    await revokeSessions(user.id);
    await recordAudit({ actorId: user.id, action: 'auth.sign_out', targetType: 'user', targetId: user.id });
  }
  await signOut({ redirectTo: '/dang-nhap' });
}
