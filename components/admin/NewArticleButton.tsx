'use client';

import { useRouter } from 'next/navigation';

/**
 * "Viết bài mới": opens an empty editor. No row is made until the first real save
 * (createArticleWithContentAction), so opening it and leaving leaves nothing behind.
 */
export function NewArticleButton() {
  const router = useRouter();
  return (
    <button type="button" onClick={() => router.push('/admin/bai-viet/moi')} className="rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
      Viết bài mới
    </button>
  );
}
