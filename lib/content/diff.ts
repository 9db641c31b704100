import { diffWordsWithSpace } from 'diff';

export type DiffPart = { value: string; added?: boolean; removed?: boolean };

/** A readable word-level diff; long unchanged stretches are folded to their ends. */
export function wordDiff(before: string, after: string, context = 30): DiffPart[] {
  const parts = diffWordsWithSpace(before, after).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined }));
  return parts.map((p, i) => {
    if (p.added || p.removed) return p;
    const words = p.value.split(/(\s+)/);
    if (words.length <= context * 4) return p;
    const head = i === 0 ? [] : words.slice(0, context * 2);
    const tail = i === parts.length - 1 ? [] : words.slice(-context * 2);
    return { value: `${head.join('')} … ${tail.join('')}` };
  });
}
