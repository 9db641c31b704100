import Link from 'next/link';
import { homePath } from '@/lib/public-paths';
import { SearchBox } from './SearchBox';

export function NotFoundContent() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12 text-center">
      <p className="text-6xl font-bold text-brand">404</p>
      <h1 className="mt-4 font-serif text-2xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-2 text-slate-600">Trang bạn tìm không tồn tại, đã bị gỡ hoặc chưa được xuất bản.</p>
      <div className="mx-auto mt-6 flex max-w-md justify-center rounded bg-brand p-3">
        <SearchBox id="notfound-search" label="Tìm tin bài" />
      </div>
      <p className="mt-6">
        <Link href={homePath()} className="font-semibold text-brand underline">
          Về trang chủ
        </Link>
      </p>
    </div>
  );
}
