import { describe, expect, it } from 'vitest';
import type { ArticleStatus, UserRole } from '@/db/schema';
import { USER_ROLES } from '@/lib/auth/roles';
import {
  ARTICLE_STATUSES,
  AUTOSAVE_REVISION_WINDOW_MS,
  autosaveKeepsLiveVersion,
  canEdit,
  canPerform,
  canUseTransition,
  canView,
  displayStatus,
  editorOnlyChangeProblem,
  foldsIntoLastRevision,
  listedAuthorFor,
  readinessProblem,
  SCHEDULE_MIN_LEAD_MS,
  scheduleProblem,
  statusAfterEdit,
  transitionRefusal,
  transitions,
  workflowState,
  type TransitionName,
} from '@/lib/editorial';

/** The (from, to) view of the named transitions: some transition the role may use leads there. */
function canTransition(role: UserRole, from: ArticleStatus, to: ArticleStatus): boolean {
  return (Object.keys(transitions) as TransitionName[]).some((name) => transitions[name].to === to && canUseTransition(role, name, from));
}

// The full expected table: every allowed (role, from, to); everything else is refused.
// pending>draft is "Rút lại", the author's own (canPerform checks who wrote it).
const everyoneMay = ['draft>pending', 'rejected>pending', 'rejected>draft', 'pending>draft'];
const editorsMay = [...everyoneMay, 'draft>published', 'pending>published', 'archived>published', 'pending>rejected', 'published>archived'];
const allowed: Record<UserRole, string[]> = { journalist: everyoneMay, moderator: editorsMay, admin: editorsMay };

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

describe('the rules a save and a transition ask', () => {
  const journalist = { id: 1, role: 'journalist' as const };
  const moderator = { id: 9, role: 'moderator' as const };

  it('turns a returned article into a draft on its next edit, and leaves every other status alone', () => {
    for (const role of USER_ROLES) {
      for (const status of ARTICLE_STATUSES) {
        expect(statusAfterEdit(role, status)).toBe(status === 'rejected' ? 'draft' : status);
      }
    }
  });

  it('asks for a title, a body and a category before submitting, publishing or scheduling', () => {
    const complete = { title: 'Tiêu đề', bodyText: 'Nội dung', categoryId: 3 };
    for (const name of ['submit', 'publish', 'schedule'] as const) {
      expect(readinessProblem(name, complete)).toBeNull();
      expect(readinessProblem(name, { ...complete, title: '   ' })).toBe('Bài viết cần có tiêu đề.');
      expect(readinessProblem(name, { ...complete, bodyText: '' })).toBe('Bài viết cần có nội dung.');
      expect(readinessProblem(name, { ...complete, categoryId: null })).toBe('Hãy chọn chuyên mục cho bài viết.');
    }
    for (const name of ['reject', 'unpublish', 'revise'] as const) {
      expect(readinessProblem(name, { title: '', bodyText: '', categoryId: null })).toBeNull();
    }
  });

  it('schedules only at least a minute ahead', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(scheduleProblem(new Date(now.getTime() + SCHEDULE_MIN_LEAD_MS), now)).not.toBeNull();
    expect(scheduleProblem(new Date(now.getTime() - 1000), now)).not.toBeNull();
    expect(scheduleProblem(new Date(now.getTime() + SCHEDULE_MIN_LEAD_MS + 1), now)).toBeNull();
  });

  it('lets only editors change the byline or "tin nổi bật"', () => {
    const current = { authorId: 1, featured: false };
    expect(editorOnlyChangeProblem(journalist, current, { authorId: 2 })).toBe('Chỉ biên tập viên được đổi tác giả.');
    expect(editorOnlyChangeProblem(journalist, current, { featured: true })).toBe('Chỉ biên tập viên được đặt tin nổi bật.');
    expect(editorOnlyChangeProblem(journalist, current, { authorId: 1, featured: false })).toBeNull();
    expect(editorOnlyChangeProblem(journalist, current, {})).toBeNull();
    expect(editorOnlyChangeProblem(moderator, current, { authorId: 2, featured: true })).toBeNull();
  });

  it("folds an editor's autosaves within ten minutes into one revision, nothing else", () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const recent = new Date(now.getTime() - AUTOSAVE_REVISION_WINDOW_MS + 1000);
    expect(foldsIntoLastRevision({ action: 'autosave', editorId: 1, createdAt: recent }, 1, now)).toBe(true);
    expect(foldsIntoLastRevision({ action: 'autosave', editorId: 2, createdAt: recent }, 1, now)).toBe(false);
    expect(foldsIntoLastRevision({ action: 'save', editorId: 1, createdAt: recent }, 1, now)).toBe(false);
    expect(foldsIntoLastRevision({ action: 'autosave', editorId: 1, createdAt: new Date(now.getTime() - AUTOSAVE_REVISION_WINDOW_MS) }, 1, now)).toBe(false);
    expect(foldsIntoLastRevision(null, 1, now)).toBe(false);
  });

  it('keeps the live version of a published article on autosave only', () => {
    expect(autosaveKeepsLiveVersion('published', true)).toBe(true);
    expect(autosaveKeepsLiveVersion('published', false)).toBe(false);
    expect(autosaveKeepsLiveVersion('draft', true)).toBe(false);
  });

  it("shows a journalist only their own list, an editor anyone's", () => {
    expect(listedAuthorFor(journalist, 7)).toBe(1);
    expect(listedAuthorFor(journalist, undefined)).toBe(1);
    expect(listedAuthorFor(moderator, 7)).toBe(7);
    expect(listedAuthorFor(moderator, undefined)).toBeUndefined();
  });

  it('says why a move is refused: the state for the owner and editors, the right for anyone else', () => {
    expect(transitionRefusal(journalist, { authorId: 1, status: 'pending' })).toContain('trạng thái');
    expect(transitionRefusal(journalist, { authorId: 2, status: 'draft' })).toContain('không có quyền');
    expect(transitionRefusal(moderator, { authorId: 2, status: 'draft' })).toContain('trạng thái');
  });
});

describe('a scheduled article ("Hẹn giờ")', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const later = new Date('2026-12-03T01:00:00Z');

  it('is a state of its own until its time comes', () => {
    expect(workflowState('published', later, now)).toBe('scheduled');
    expect(workflowState('published', now, now)).toBe('published');
    expect(workflowState('published', new Date(now.getTime() - 1), now)).toBe('published');
    expect(workflowState('pending', later, now)).toBe('pending');
    expect(workflowState('published', null, now)).toBe('published');
  });

  it('may be published now, moved, cancelled back to the queue or archived, by editors only', () => {
    const article = { authorId: 1, status: 'published' as const, publishedAt: later };
    for (const role of ['moderator', 'admin'] as const) {
      for (const name of ['publish', 'schedule', 'unschedule', 'unpublish'] as const) expect(canPerform({ id: 9, role }, name, article, now), `${role} ${name}`).toBe(true);
      for (const name of ['submit', 'reject', 'revise'] as const) expect(canPerform({ id: 9, role }, name, article, now), `${role} ${name}`).toBe(false);
    }
    for (const name of ['publish', 'schedule', 'unschedule', 'unpublish', 'submit'] as const) expect(canPerform({ id: 1, role: 'journalist' }, name, article, now)).toBe(false);
    expect(transitions.unschedule.to).toBe('pending');
  });

  it('cannot be "unscheduled" once live, nor published again', () => {
    const live = { authorId: 1, status: 'published' as const, publishedAt: new Date(now.getTime() - 60_000) };
    expect(canPerform({ id: 9, role: 'moderator' }, 'unschedule', live, now)).toBe(false);
    expect(canPerform({ id: 9, role: 'moderator' }, 'publish', live, now)).toBe(false);
    expect(canPerform({ id: 9, role: 'moderator' }, 'schedule', live, now)).toBe(false);
  });
});
