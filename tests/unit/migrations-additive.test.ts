import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm run db:migrate` runs while the previous version still serves (README "Migration khi đang
 * chạy"): every migration must be additive, so the old code keeps working on the new schema.
 * A statement that removes or changes what old code reads is the second step of a two-step
 * change and must say so on a line of its own above it: `-- bước 2: <why the old code no longer needs it>`.
 */
const DESTRUCTIVE: ((statement: string) => boolean)[] = [
  (s) => /\bDROP\s+(?:TABLE|COLUMN|VIEW|TYPE|SCHEMA|FUNCTION)\b/i.test(s),
  (s) => /\bALTER\s+TABLE\b[^;]*\bRENAME\b/i.test(s),
  (s) => /\bALTER\s+COLUMN\b[^;]*\b(?:TYPE|SET\s+NOT\s+NULL)\b/i.test(s),
  // A new NOT NULL column without a default: the old code's inserts, which do not name it, fail.
  (s) => /\bADD\s+COLUMN\b[^;]*\bNOT\s+NULL\b/i.test(s) && !/\bDEFAULT\b/i.test(s),
  (s) => /\bTRUNCATE\b/i.test(s),
];

const folder = path.resolve(__dirname, '../../drizzle');

describe('migrations in drizzle/', () => {
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.sql'));

  it('are there to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s only adds, unless a statement is marked as the second step of a change', (name) => {
    const statements = fs.readFileSync(path.join(folder, name), 'utf8').split('--> statement-breakpoint');
    const unmarked = statements.filter((statement) => DESTRUCTIVE.some((rule) => rule(statement.replace(/--.*$/gm, ''))) && !/^\s*-- bước 2: \S/m.test(statement));
    expect(unmarked.map((statement) => statement.trim().slice(0, 120))).toEqual([]);
  });
});

describe('the destructive-statement rules', () => {
  const flagged = (statement: string) => DESTRUCTIVE.some((rule) => rule(statement));
  it('flag what breaks the running version', () => {
    expect(flagged('ALTER TABLE "articles" DROP COLUMN "sapo";')).toBe(true);
    expect(flagged('ALTER TABLE "articles" RENAME COLUMN "sapo" TO "lead";')).toBe(true);
    expect(flagged('ALTER TABLE "articles" ALTER COLUMN "sapo" SET NOT NULL;')).toBe(true);
    expect(flagged('ALTER TABLE "articles" ADD COLUMN "lead" text NOT NULL;')).toBe(true);
    expect(flagged('DROP TABLE "old";')).toBe(true);
  });
  it('let additive changes through', () => {
    expect(flagged('ALTER TABLE "articles" ADD COLUMN "lead" text;')).toBe(false);
    expect(flagged('ALTER TABLE "articles" ADD COLUMN "lead" text DEFAULT \'\' NOT NULL;')).toBe(false);
    expect(flagged('CREATE INDEX IF NOT EXISTS "x" ON "articles" ("slug");')).toBe(false);
    expect(flagged('DROP INDEX IF EXISTS "x";')).toBe(false);
  });
});
