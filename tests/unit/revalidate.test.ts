import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLIC_REVALIDATE_SECONDS } from '@/lib/cache-tags';

// Next reads `export const revalidate` by static analysis, so pages must write
// the number as a literal instead of importing PUBLIC_REVALIDATE_SECONDS; this
// test keeps every such literal equal to the constant.
const APP_DIR = fileURLToPath(new URL('../../app', import.meta.url));
// Everything from `=` to the end of the statement, so `60 // note` or `60 * 1` fail instead of slipping by.
const REVALIDATE_EXPORT = /\bexport\s+const\s+revalidate\b\s*(?::[^=]*)?=([^;\n]*)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

function revalidateExports(): { file: string; value: string }[] {
  return sourceFiles(APP_DIR).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(REVALIDATE_EXPORT)].map((match) => ({ file: path.relative(APP_DIR, file), value: match[1]!.trim() })),
  );
}

describe('route segment `revalidate`', () => {
  it('equals PUBLIC_REVALIDATE_SECONDS in every file under app/ that exports it', () => {
    const found = revalidateExports();
    expect(found.length, 'no `export const revalidate` found under app/').toBeGreaterThan(0);
    for (const { file, value } of found) expect(value, file).toBe(String(PUBLIC_REVALIDATE_SECONDS));
  });
});
