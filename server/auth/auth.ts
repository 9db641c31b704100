import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { baseAuthConfig } from './config';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/http/client-ip';

/** Thrown by authorize(); the sign-in action reads `code` to choose its message. */
class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
class LockedOut extends CredentialsSignin {
  code = 'locked';
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
        const result = await verifyCredentials({ ...parsed.data, ip: clientIp(request.headers, env().TRUSTED_PROXY_HOPS) });
        if (result.ok) return { id: String(result.user.id), name: result.user.name, email: result.user.email };
        throw result.reason === 'locked' ? new LockedOut() : new InvalidCredentials();
      },
    }),
  ],
}));
