import { createArticleAction } from '@/app/(admin)/admin/bai-viet/actions';

/** "Viết bài mới": creates an empty draft and opens it in the editor. */
export function NewArticleButton() {
  return (
    <form action={createArticleAction}>
      <button type="submit" className="rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
        Viết bài mới
      </button>
    </form>
  );
}
