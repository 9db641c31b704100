import { describe, expect, it } from 'vitest';
import type { ArticleStatus, UserRole } from '@/db/schema';
import { ARTICLE_STATUSES, canEdit, canPerform, canTransition, canView, displayStatus, USER_ROLES } from '@/lib/editorial';

// The full expected table: every allowed (role, from, to); everything else is refused.
const allowed: Record<UserRole, string[]> = {
  journalist: ['draft>pending', 'rejected>pending', 'rejected>draft'],
  moderator: [
    'draft>pending',
    'rejected>pending',
    'rejected>draft',
    'draft>published',
    'pending>published',
    'archived>published',
    'pending>rejected',
    'published>archived',
  ],
  admin: [
    'draft>pending',
    'rejected>pending',
    'rejected>draft',
    'draft>published',
    'pending>published',
    'archived>published',
    'pending>rejected',
    'published>archived',
  ],
};

describe('canTransition', () => {
  for (const role of USER_ROLES) {
    for (const from of ARTICLE_STATUSES) {
      for (const to of ARTICLE_STATUSES) {
        const expected = allowed[role].includes(`${from}>${to}`);
        it(`${expected ? 'lets' : 'refuses'} a ${role} move ${from} → ${to}`, () => {
          expect(canTransition(role, from, to)).toBe(expected);
        });
      }
    }
  }

  it('refuses a journalist publishing an article', () => {
    expect(canTransition('journalist', 'pending', 'published')).toBe(false);
    expect(canTransition('journalist', 'draft', 'published')).toBe(false);
  });

  it('never treats staying in the same state as a transition', () => {
    for (const role of USER_ROLES) for (const s of ARTICLE_STATUSES) expect(canTransition(role, s, s)).toBe(false);
  });
});

describe('canEdit', () => {
  const journalist = { id: 1, role: 'journalist' as const };
  const statuses: ArticleStatus[] = [...ARTICLE_STATUSES];

  for (const status of statuses) {
    const own = status === 'draft' || status === 'rejected';
    it(`${own ? 'lets' : 'refuses'} a journalist edit their own ${status} article`, () => {
      expect(canEdit(journalist, { authorId: 1, status })).toBe(own);
    });
    it(`refuses a journalist editing someone else's ${status} article`, () => {
      expect(canEdit(journalist, { authorId: 2, status })).toBe(false);
    });
    for (const role of ['moderator', 'admin'] as const) {
      it(`lets a ${role} edit anyone's ${status} article`, () => {
        expect(canEdit({ id: 9, role }, { authorId: 2, status })).toBe(true);
      });
    }
  }
});

describe('canView and canPerform', () => {
  it('lets authors and moderators view, not other journalists', () => {
    expect(canView({ id: 1, role: 'journalist' }, { authorId: 1 })).toBe(true);
    expect(canView({ id: 1, role: 'journalist' }, { authorId: 2 })).toBe(false);
    expect(canView({ id: 1, role: 'moderator' }, { authorId: 2 })).toBe(true);
    expect(canView({ id: 1, role: 'admin' }, { authorId: 2 })).toBe(true);
  });

  it('refuses a journalist submitting someone else’s draft', () => {
    expect(canPerform({ id: 1, role: 'journalist' }, 'submit', { authorId: 2, status: 'draft' })).toBe(false);
    expect(canPerform({ id: 1, role: 'journalist' }, 'submit', { authorId: 1, status: 'draft' })).toBe(true);
  });

  it('refuses every moderator-only transition to a journalist, even on their own article', () => {
    for (const name of ['publish', 'schedule', 'reject', 'unpublish'] as const) {
      for (const status of ARTICLE_STATUSES) {
        expect(canPerform({ id: 1, role: 'journalist' }, name, { authorId: 1, status })).toBe(false);
      }
    }
  });

  it('labels a published article with a future time as scheduled', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    expect(displayStatus('published', new Date('2026-11-30T10:00:00Z'), now)).toBe('Hẹn giờ');
    expect(displayStatus('published', new Date('2026-11-28T10:00:00Z'), now)).toBe('Đã xuất bản');
    expect(displayStatus('pending', null, now)).toBe('Chờ duyệt');
  });
});
