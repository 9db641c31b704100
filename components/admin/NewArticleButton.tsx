'use client';

import { useActionState } from 'react';
import { createArticleAction } from '@/app/(admin)/admin/bai-viet/actions';
import type { ActionResult } from '@/lib/actions/result';

/** "Viết bài mới": creates an empty draft and opens it in the editor (the action redirects); a refusal is shown here. */
export function NewArticleButton() {
  const [result, create, pending] = useActionState(async (): Promise<ActionResult<never> | null> => createArticleAction(null), null);
  return (
    <form action={create}>
      <button type="submit" disabled={pending} className="rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
        Viết bài mới
      </button>
      {result && !result.ok ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {result.message}
        </p>
      ) : null}
    </form>
  );
}
