import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The readers' CSS is two files: app/site.css on every page, app/prose.css (Tailwind's `prose`)
// only where stored text is shown. These checks keep the split from silently losing styles.
const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** Files whose classes reach a reader's page (or the staff preview rendered with site.css). */
const readerFiles = [
  ...filesUnder('app/(site)'),
  ...filesUnder('app/(static)'),
  ...filesUnder('app/(auth)'),
  ...filesUnder('components/site'),
  'components/admin/ArticlePreview.tsx',
];

/** `prose`, `prose-slate`, `prose-a:text-brand`, `lg:prose-lg` … as written in class strings. */
function proseClasses(source: string): string[] {
  const classStrings = [...source.matchAll(/className=(?:"([^"]*)"|\{'([^']*)'\}|\{`([^`]*)`\})/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return classStrings.flatMap((s) => s.split(/\s+/)).filter((token) => /(^|:)prose(-|$)/.test(token));
}

describe("the readers' stylesheets", () => {
  const inline = /@source inline\('([^']*)'\)/.exec(read('app/prose.css'))?.[1]?.split(/\s+/) ?? [];

  it('generates every prose class the pages use', () => {
    const used = new Set(readerFiles.flatMap((file) => proseClasses(read(file))));
    expect(used.size).toBeGreaterThan(0);
    for (const token of used) expect(inline, `${token} is not in app/prose.css`).toContain(token);
  });

  it('is imported by every page that shows prose', () => {
    const pagesWithProse = readerFiles.filter((file) => file.startsWith('app/') && proseClasses(read(file)).length > 0);
    expect(pagesWithProse.length).toBeGreaterThan(0);
    for (const file of pagesWithProse) expect(read(file), file).toContain("import '@/app/prose.css'");
    // ArticlePreview is shown only by the staff preview page, which imports it too.
    expect(read('app/(site)/xem-truoc/[id]/page.tsx')).toContain("import '@/app/prose.css'");
  });

  it('keeps prose out of the stylesheet every page carries', () => {
    expect(read('app/site.css')).not.toMatch(/typography/);
  });

  it('finds prose classes in the forms the pages write them', () => {
    expect(proseClasses(`<div className="article-body prose prose-slate mt-6 lg:prose-lg" />`)).toEqual(['prose', 'prose-slate', 'lg:prose-lg']);
    expect(proseClasses(`<div className={'prose-a:text-brand text-sm'} />`)).toEqual(['prose-a:text-brand']);
    expect(proseClasses(`<div className="not-prose-ish proser" />`)).toEqual([]);
  });
});
