import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { baseAuthConfig } from '@/server/auth/config';
import { env } from '@/lib/env';
import { PATHNAME_HEADER } from '@/lib/auth/page-guard-header';
import { buildNonceCsp } from '@/lib/security/headers.mjs';

/**
 * Runs for /admin and /dang-nhap only (public pages keep their static,
 * cacheable headers from next.config.mjs):
 * - a nonce-based Content-Security-Policy, per request;
 * - refreshes the session cookie's idle expiry;
 * - a convenience redirect of anonymous /admin visitors to the sign-in page.
 * It is not the access control: every page, action and route handler checks
 * the user itself (middleware can be bypassed, CVE-2025-29927).
 */
const { auth } = NextAuth(() => baseAuthConfig());

const withSession = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/admin') && !request.auth?.user?.id) {
    const signIn = new URL('/dang-nhap', request.nextUrl);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return withCsp(NextResponse.redirect(signIn), newNonce());
  }

  const nonce = newNonce();
  const requestHeaders = new Headers(request.headers);
  const csp = buildNonceCsp(nonce, { dev: env().NODE_ENV !== 'production' });
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
});

// With a lazily built config (the secret is resolved at run time, never at build
// time) next-auth's auth(handler) resolves to the wrapped handler asynchronously.
const handler = withSession as unknown as Promise<(request: NextRequest, event: NextFetchEvent) => Promise<Response>>;

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  return (await handler)(request, event);
}

function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString('base64');
}

function withCsp(response: NextResponse, nonce: string): NextResponse {
  response.headers.set('Content-Security-Policy', buildNonceCsp(nonce, { dev: env().NODE_ENV !== 'production' }));
  return response;
}

export const config = {
  matcher: ['/admin', '/admin/:path*', '/dang-nhap'],
};
