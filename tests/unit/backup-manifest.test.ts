import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, countMismatches, driverMismatch, readManifest } from '@/lib/backup-manifest';

const counts = { users: 5, categories: 8, tags: 3, articles: 37, article_revisions: 40, media: 2, visit_daily: 30, article_views_daily: 90 };
const manifest = { format: BACKUP_FORMAT, createdAt: '2026-12-02T02:00:00.000Z', driver: 'postgres', counts, media: { store: 'local', files: [{ key: '2026/12/a.webp', bytes: 10, sha256: 'a'.repeat(64) }] } };

describe('readManifest', () => {
  it('reads a manifest this version wrote', () => {
    expect(readManifest(JSON.stringify(manifest))).toEqual({ manifest });
  });
  it('refuses what is not JSON, a newer format, or a manifest with a field missing, in Vietnamese', () => {
    expect(readManifest('<html>')).toEqual({ problem: expect.stringContaining('không phải JSON') });
    expect(readManifest(JSON.stringify({ ...manifest, format: BACKUP_FORMAT + 1 }))).toEqual({ problem: expect.stringContaining('mới hơn phiên bản này') });
    expect(readManifest(JSON.stringify({ ...manifest, driver: undefined }))).toEqual({ problem: expect.stringContaining('manifest.json không hợp lệ') });
  });
});

describe('driverMismatch', () => {
  it('allows only the same kind of database', () => {
    expect(driverMismatch('postgres', 'postgres')).toBeNull();
    expect(driverMismatch('pglite', 'postgres')).toContain('PGlite nhúng');
  });
});

describe('countMismatches', () => {
  it('names each table whose count differs', () => {
    expect(countMismatches(counts, counts)).toEqual([]);
    expect(countMismatches(counts, { ...counts, articles: 36, media: undefined as unknown as number })).toEqual(['articles: 37 → 36', 'media: 2 → không có']);
  });
});
