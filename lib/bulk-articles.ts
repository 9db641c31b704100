import type { PublicImpact } from './public-impact';

/** The bulk actions of the article list, with how each reads there. */
export const BULK_ACTIONS = {
  publish: 'Xuất bản',
  reject: 'Trả lại',
  unpublish: 'Gỡ bài',
  move: 'Chuyển chuyên mục',
  trash: 'Chuyển vào thùng rác',
} as const;
export type BulkActionName = keyof typeof BULK_ACTIONS;

/** At most this many articles per bulk action: one page of the list, four times over. */
export const BULK_LIMIT = 100;

/** One article's outcome, as the list reports it. */
export type BulkOutcome = { id: number; title: string; ok: boolean; message: string };

/** The pages to refresh after a bulk action: every article's, once. */
export function mergeImpacts(impacts: (PublicImpact | null)[]): PublicImpact | null {
  const known = impacts.filter((i): i is PublicImpact => i !== null);
  if (!known.length) return null;
  return { tags: [...new Set(known.flatMap((i) => i.tags))], paths: [...new Set(known.flatMap((i) => i.paths))] };
}

/** "3 bài thành công, 1 bài không thực hiện được." */
export function bulkSummary(outcomes: BulkOutcome[]): string {
  const done = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - done;
  return failed ? `${done} bài thành công, ${failed} bài không thực hiện được.` : `Đã thực hiện cho ${done} bài.`;
}
