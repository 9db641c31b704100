import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { LoginRefusalScope } from '@/lib/auth/login-limits';
import { requestClientIp } from '@/server/http/request-client-ip';
import { baseAuthConfig } from './config';

/** Thrown by authorize(); the sign-in action reads `code` to choose its message. */
class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}

/**
 * Thrown by authorize() when a limit refuses the attempt. signIn() on the
 * server rethrows this very instance, so the sign-in action reads which limit
 * and for how long from it instead of counting again (by then the counts
 * may have moved).
 */
export class SignInLockedOut extends CredentialsSignin {
  code = 'locked';
  constructor(
    readonly scope: LoginRefusalScope,
    readonly retryAfterSeconds: number,
  ) {
    super();
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Mật khẩu', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse({ email: raw?.email, password: raw?.password });
        if (!parsed.success) throw new InvalidCredentials();
        const { verifyCredentials } = await import('./credentials');
        const result = await verifyCredentials({ ...parsed.data, ip: requestClientIp(request.headers) });
        if (result.ok) return { id: String(result.user.id), name: result.user.name, email: result.user.email };
        throw result.reason === 'locked' ? new SignInLockedOut(result.scope, result.retryAfterSeconds) : new InvalidCredentials();
      },
    }),
  ],
}));
