import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { sanitizeCallbackUrl } from '@/lib/auth/callback-url';
import { getSessionUser } from '@/server/auth/session';
import { SignInForm } from './SignInForm';
import '../../site.css';

export const metadata: Metadata = { title: 'Đăng nhập', robots: { index: false, follow: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Normalised, then judged: the same rule as next-auth's callbacks.redirect (lib/auth/callback-url.ts).
  const callbackUrl = sanitizeCallbackUrl(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await getSessionUser()) redirect(callbackUrl);
  const authError = typeof params.error === 'string' ? 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.' : null;

  return (
    <>
      <a href="#noi-dung" className="skip-link">
        Bỏ qua, tới nội dung chính
      </a>
      <main id="noi-dung" className="flex min-h-screen items-center justify-center px-4 py-10">
        <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-sm font-semibold uppercase tracking-wide text-sky-800">Tòa soạn</p>
          <h1 className="mt-1 text-2xl font-bold">Đăng nhập</h1>
          <p className="mt-1 text-sm text-slate-600">Dành cho phóng viên, biên tập viên và quản trị.</p>
          <SignInForm callbackUrl={callbackUrl} initialMessage={authError} />
          <p className="mt-6 text-center text-sm">
            <Link href="/" prefetch={false} className="text-sky-800 underline underline-offset-4">
              Về trang chủ
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
