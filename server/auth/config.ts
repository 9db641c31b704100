// No `server-only`: proxy.ts loads this file, outside the React server graph, where that guard would throw.
import { isDatabaseUnavailable } from '@/lib/database-errors';
import type { NextAuthConfig } from 'next-auth';
import { authRedirectTarget } from '@/lib/auth/callback-url';
import { isPastAbsoluteLifetime, sessionLifetimes } from '@/lib/auth/lifetimes';
import { env } from '@/lib/env';
import { authSecret } from './secret';
import { isSessionTokenCurrent } from './session-validity';

/**
 * The next-auth configuration shared by the route handler / server code
 * (server/auth/auth.ts, which adds the credentials provider) and proxy.ts
 * (which only reads and refreshes the cookie). Its one database read is the
 * jwt callback's check that the session still stands.
 */
export function baseAuthConfig(): NextAuthConfig {
  const config = env();
  const lifetimes = sessionLifetimes(config);
  const secureCookies = config.AUTH_COOKIE_SECURE ?? config.NODE_ENV === 'production';
  return {
    secret: authSecret(),
    // The app is addressed by whatever host the reverse proxy forwards; redirects stay same-site (see callbacks.redirect).
    trustHost: true,
    providers: [],
    pages: { signIn: '/dang-nhap', error: '/dang-nhap' },
    // Idle lifetime: the JWT and its cookie are re-issued with this expiry on every authenticated request.
    session: { strategy: 'jwt', maxAge: lifetimes.idleSeconds, updateAge: 0 },
    jwt: { maxAge: lifetimes.idleSeconds },
    // HttpOnly and SameSite=Lax are next-auth's defaults; Secure (and the __Secure- prefix) in production.
    useSecureCookies: secureCookies,
    callbacks: {
      async jwt({ token, user }) {
        const now = Math.floor(Date.now() / 1000);
        if (user?.id) {
          token.sub = String(user.id);
          token.signedInAt = now;
          // Milliseconds, for comparing with users.sessions_valid_after (a sign-out a moment later must void it).
          token.signedInAtMs = Date.now();
          return token;
        }
        // Returning null makes next-auth clear the cookie instead of re-issuing it.
        // Absolute lifetime:
        if (isPastAbsoluteLifetime(token.signedInAt, now, lifetimes)) return null;
        // A session the server refuses (account deactivated or gone, signed out, password reset) is
        // never refreshed: proxy.ts re-issues the cookie on every /admin request, and would otherwise
        // keep a dead session's cookie alive, ready to work again after a reactivation.
        try {
          if (!(await isSessionTokenCurrent(token))) return null;
        } catch (error) {
          // The database is away: the session cannot be checked now. Dropping it would answer 401 and sign
          // the user out over a restart; kept, the request's own reads fail with a 503 the editor retries,
          // and nothing is served or written without the database anyway.
          if (isDatabaseUnavailable(error)) return token;
          throw error;
        }
        return token;
      },
      session({ session, token }) {
        // Only the id travels; name, email and role are read from the database on every request.
        // signedInAtMs lets the server void sessions that began before a sign-out (users.sessions_valid_after).
        const user = { id: token.sub ?? '', email: '', name: null, image: null, emailVerified: null, signedInAtMs: token.signedInAtMs };
        return { ...session, user };
      },
      redirect({ url, baseUrl }) {
        // The one rule for where a sign-in (or sign-out) may land: lib/auth/callback-url.ts.
        return authRedirectTarget(url, baseUrl);
      },
    },
    logger: {
      // A wrong password is routine, not a server error: next-auth would print a stack trace for each one.
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === 'CredentialsSignin' || type === 'JWTSessionError') return;
        console.error('[auth]', error);
      },
      warn() {},
      debug() {},
    },
  };
}
