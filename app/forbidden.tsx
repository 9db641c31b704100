import Link from 'next/link';
import './site.css';

export const metadata = { title: 'Không có quyền truy cập', robots: { index: false } };

/** Rendered by forbidden(): a signed-in user without the role this page needs. */
export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4 py-10">
      <div className="max-w-md text-center">
        <p className="text-5xl font-bold text-sky-800">403</p>
        <h1 className="mt-3 text-2xl font-bold">Bạn không có quyền truy cập trang này</h1>
        <p className="mt-2 text-slate-600">
          Tài khoản của bạn không được phép xem nội dung này. Nếu cần quyền, hãy liên hệ quản trị viên.
        </p>
        <Link href="/admin" className="mt-6 inline-block rounded-md bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900">
          Về trang Tổng quan
        </Link>
      </div>
    </main>
  );
}
