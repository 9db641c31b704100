import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabel, isAuditAction } from '@/lib/audit-labels';

/**
 * Every action written to the audit log has a Vietnamese label. recordAudit's type already
 * refuses an unknown key, but rows are also inserted straight into `audit_log` (the trash purge
 * in db/queries/housekeeping.ts) and `action` is plain text there: so the sources themselves are
 * read, and every dotted key (`article.purged`) in a file that writes audit lines must be known.
 */
const root = path.resolve(__dirname, '../..');
const SOURCE_FOLDERS = ['server', 'db', 'scripts', 'app', 'lib'];
const WRITES_AUDIT = /\brecordAudit\b|\bauditLog\b|\bAuditAction\b/;
const ACTION_LITERAL = /(['"`])([a-z]+\.[a-z]+(?:_[a-z]+)*)\1/g;

function sourceFiles(folder: string): string[] {
  const dir = path.join(root, folder);
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx|mts|mjs)$/.test(file) && !file.endsWith('.d.mts') && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(dir, file));
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');

function actionsWrittenByTheCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SOURCE_FOLDERS.flatMap(sourceFiles)) {
    if (path.relative(root, file) === path.join('lib', 'audit-labels.ts')) continue;
    const source = withoutComments(fs.readFileSync(file, 'utf8'));
    if (!WRITES_AUDIT.test(source)) continue;
    for (const match of source.matchAll(ACTION_LITERAL)) found.set(match[2]!, path.relative(root, file));
  }
  return found;
}

describe('audit action labels', () => {
  const written = actionsWrittenByTheCode();

  it('finds the actions the code writes (the scan itself works)', () => {
    for (const key of ['auth.sign_in', 'user.role_changed', 'article.published', 'media.uploaded', 'article.purged', 'settings.updated']) {
      expect(written.has(key), key).toBe(true);
    }
  });

  it('has a label for every action key written anywhere in server/, db/, scripts/, app/ and lib/', () => {
    const unlabelled = [...written].filter(([key]) => !isAuditAction(key)).map(([key, file]) => `${key} (${file})`);
    expect(unlabelled, 'add these to lib/audit-labels.ts').toEqual([]);
  });

  it('labels in Vietnamese, never with the key itself', () => {
    for (const action of AUDIT_ACTIONS) {
      const label = auditActionLabel(action);
      expect(label, action).not.toBe(action);
      expect(label, action).not.toMatch(/[._]/);
      expect(label.length, action).toBeGreaterThan(2);
    }
  });

  it('gives two actions two different labels', () => {
    const labels = AUDIT_ACTIONS.map(auditActionLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('knows only its own keys', () => {
    expect(isAuditAction('article.published')).toBe(true);
    expect(isAuditAction('article.deleted_forever')).toBe(false);
    expect(isAuditAction('toString')).toBe(false);
    expect(isAuditAction('__proto__')).toBe(false);
  });
});
