import Link from 'next/link';
import { NotFoundContent } from '@/components/site/NotFoundContent';

// Prerendered by `next build`, so it must not read the database: a plain
// header instead of the one with the category menu.
export default function NotFound() {
  return (
    <>
      <header role="banner" className="bg-brand px-4 py-4 text-white">
        <Link href="/" className="mx-auto block max-w-6xl font-serif text-xl font-bold">
          Cổng thông tin điện tử Thành phố Lào Cai
        </Link>
      </header>
      <main id="noi-dung">
        <NotFoundContent />
      </main>
    </>
  );
}
