import { describe, expect, it } from 'vitest';
import { bulkSummary, mergeImpacts } from '@/lib/bulk-articles';
import { canPerform, trashDaysLeft, trashPurgeCutoff, trashRefusal, TRASH_RETENTION_DAYS } from '@/lib/editorial';

const now = new Date('2026-12-02T03:00:00Z');
const journalist = { id: 1, role: 'journalist' as const };
const moderator = { id: 2, role: 'moderator' as const };

describe('trashRefusal', () => {
  it('lets a journalist trash their own never-published draft or returned article, nothing else', () => {
    expect(trashRefusal(journalist, { authorId: 1, status: 'draft', publishedAt: null }, now)).toBeNull();
    expect(trashRefusal(journalist, { authorId: 1, status: 'rejected', publishedAt: null }, now)).toBeNull();
    expect(trashRefusal(journalist, { authorId: 3, status: 'draft', publishedAt: null }, now)).toContain('của chính mình');
    expect(trashRefusal(journalist, { authorId: 1, status: 'pending', publishedAt: null }, now)).toContain('chưa từng xuất bản');
    expect(trashRefusal(journalist, { authorId: 1, status: 'archived', publishedAt: new Date('2026-11-01') }, now)).toContain('chưa từng xuất bản');
  });

  it('lets an editor trash anything off the public site, and nobody a published or scheduled article', () => {
    expect(trashRefusal(moderator, { authorId: 1, status: 'archived', publishedAt: new Date('2026-11-01') }, now)).toBeNull();
    expect(trashRefusal(moderator, { authorId: 1, status: 'pending', publishedAt: null }, now)).toBeNull();
    expect(trashRefusal(moderator, { authorId: 1, status: 'published', publishedAt: new Date('2026-11-01') }, now)).toContain('gỡ bài');
    expect(trashRefusal(moderator, { authorId: 1, status: 'published', publishedAt: new Date('2026-12-25') }, now)).toContain('gỡ bài');
    expect(trashRefusal(moderator, { authorId: 1, status: 'draft', publishedAt: null, deletedAt: now }, now)).toContain('đã ở trong thùng rác');
  });

  it('counts the days left and the purge cutoff from the 30-day retention', () => {
    expect(TRASH_RETENTION_DAYS).toBe(30);
    expect(trashDaysLeft(now, now)).toBe(30);
    expect(trashDaysLeft(new Date(now.getTime() - 29.5 * 86_400_000), now)).toBe(1);
    expect(trashDaysLeft(new Date(now.getTime() - 31 * 86_400_000), now)).toBe(0);
    expect(trashPurgeCutoff(now).toISOString()).toBe('2026-11-02T03:00:00.000Z');
  });
});

describe('withdraw', () => {
  it('is the author’s alone, on a submitted article', () => {
    expect(canPerform(journalist, 'withdraw', { authorId: 1, status: 'pending' })).toBe(true);
    expect(canPerform(journalist, 'withdraw', { authorId: 1, status: 'draft' })).toBe(false);
    expect(canPerform(moderator, 'withdraw', { authorId: 1, status: 'pending' })).toBe(false);
    expect(canPerform(moderator, 'withdraw', { authorId: 2, status: 'pending' })).toBe(true);
  });
});

describe('bulk helpers', () => {
  it('merges the pages to refresh once each, and sums up the outcomes in Vietnamese', () => {
    expect(mergeImpacts([null, { tags: ['articles', 'a'], paths: ['/'] }, { tags: ['articles', 'b'], paths: ['/', '/x'] }])).toEqual({
      tags: ['articles', 'a', 'b'],
      paths: ['/', '/x'],
    });
    expect(mergeImpacts([null])).toBeNull();
    expect(bulkSummary([{ id: 1, title: 'a', ok: true, message: '' }, { id: 2, title: 'b', ok: false, message: '' }])).toBe('1 bài thành công, 1 bài không thực hiện được.');
    expect(bulkSummary([{ id: 1, title: 'a', ok: true, message: '' }])).toBe('Đã thực hiện cho 1 bài.');
  });
});
