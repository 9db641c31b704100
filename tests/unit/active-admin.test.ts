import { describe, expect, it } from 'vitest';
import { isActiveAdmin, removesAnActiveAdmin } from '@/lib/accounts/active-admin';

const activeAdmin = { role: 'admin', active: true } as const;
const lockedAdmin = { role: 'admin', active: false } as const;
const moderator = { role: 'moderator', active: true } as const;

describe('a change must leave an active admin', () => {
  it('counts only an active admin as able to manage accounts', () => {
    expect(isActiveAdmin(activeAdmin)).toBe(true);
    expect(isActiveAdmin(lockedAdmin)).toBe(false);
    expect(isActiveAdmin(moderator)).toBe(false);
  });

  it('demoting or locking an active admin removes one', () => {
    expect(removesAnActiveAdmin(activeAdmin, { role: 'moderator', active: true })).toBe(true);
    expect(removesAnActiveAdmin(activeAdmin, { role: 'journalist', active: true })).toBe(true);
    expect(removesAnActiveAdmin(activeAdmin, lockedAdmin)).toBe(true);
  });

  it('nothing else does', () => {
    expect(removesAnActiveAdmin(activeAdmin, activeAdmin)).toBe(false);
    expect(removesAnActiveAdmin(lockedAdmin, { role: 'moderator', active: false })).toBe(false);
    expect(removesAnActiveAdmin(lockedAdmin, activeAdmin)).toBe(false);
    expect(removesAnActiveAdmin(moderator, activeAdmin)).toBe(false);
    expect(removesAnActiveAdmin(moderator, { role: 'moderator', active: false })).toBe(false);
  });
});
