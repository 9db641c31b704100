import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type ProdPackage = { name: string; version: string; license: string; resolved: string; integrity: string; kind: string; optional: boolean; path: string };
type LockEntry = {
  name?: string;
  version?: string;
  dev?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
type Lock = { packages: Record<string, LockEntry> };

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/list-prod-deps.mjs');

// scripts/ is plain .mjs without a type file: imported by URL.
const { listProductionDependencies, toTsv } = (await import(new URL('../../scripts/list-prod-deps.mjs', import.meta.url).href)) as {
  listProductionDependencies: (lock: unknown) => ProdPackage[];
  toTsv: (packages: ProdPackage[]) => string;
};

const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lock;

/**
 * The production tree computed independently of npm's `dev` flags: from the
 * root's dependencies, follow every dependency, optional dependency and peer
 * (an optional peer only when installed), resolved the way Node resolves
 * them: the nearest node_modules up the tree.
 */
function reachableFromProduction(l: Lock): Set<string> {
  const resolve = (from: string, name: string): string | null => {
    let base = from;
    for (;;) {
      const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
      if (l.packages[candidate]) return candidate;
      if (!base) return null;
      const at = base.lastIndexOf('/node_modules/');
      base = at === -1 ? '' : base.slice(0, at);
    }
  };
  const rootEntry = l.packages['']!;
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (from: string, names: string[]) => {
    for (const name of names) {
      const found = resolve(from, name);
      if (found && !seen.has(found)) {
        seen.add(found);
        queue.push(found);
      }
    }
  };
  visit('', [...Object.keys(rootEntry.dependencies ?? {}), ...Object.keys(rootEntry.optionalDependencies ?? {})]);
  while (queue.length) {
    const at = queue.shift()!;
    const entry = l.packages[at]!;
    visit(at, [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...Object.keys(entry.peerDependencies ?? {})]);
  }
  return seen;
}

describe('npm run deps:list', () => {
  const listed = listProductionDependencies(lock);

  it("lists exactly the lockfile's non-dev packages, transitive ones included", () => {
    const nonDev = Object.entries(lock.packages)
      .filter(([location, entry]) => location !== '' && !entry.dev && !entry.link)
      .map(([location]) => location)
      .sort();
    expect(listed.map((p) => p.path).sort()).toEqual(nonDev);
    expect(listed.some((p) => p.kind === 'transitive')).toBe(true);
    // The same set as walking the dependency graph from package.json's dependencies.
    expect(new Set(listed.map((p) => p.path))).toEqual(reachableFromProduction(lock));
  });

  it('marks every dependency of package.json as direct, and no devDependency appears', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const direct = listed.filter((p) => p.kind === 'direct');
    expect(direct.map((p) => p.name).sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const p of direct) expect(p.version, p.name).toBe(pkg.dependencies[p.name]);
    for (const dev of ['vitest', 'eslint', 'typescript', 'drizzle-kit', 'tsx', 'autocannon']) expect(listed.map((p) => p.name)).not.toContain(dev);
  });

  it('gives each package a version, a license, where it comes from and its integrity', () => {
    for (const p of listed) {
      expect(p.version, p.name).toMatch(/^\d+\.\d+\.\d+/);
      expect(p.license, p.name).not.toBe('');
      expect(p.resolved, p.name).toMatch(/^https:\/\/.+\.tgz$/);
      expect(p.integrity, p.name).toMatch(/^sha(512|384|256|1)-/);
    }
    expect(listed.find((p) => p.name === 'sharp')).toMatchObject({ kind: 'direct', license: 'Apache-2.0', resolved: expect.stringContaining('/sharp/-/sharp-') });
  });

  it('reads nested, aliased, optional and devOptional entries of a lockfile', () => {
    const small = {
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { a: '1', alias: 'npm:real@2' }, devDependencies: { t: '1' } },
        'node_modules/a': { version: '1.0.0', license: 'MIT', resolved: 'https://mirror.example/a-1.0.0.tgz', integrity: 'sha512-a', dependencies: { '@s/b': '^2' } },
        'node_modules/a/node_modules/@s/b': { version: '2.1.0', license: { type: 'BSD-3-Clause' }, integrity: 'sha512-b' },
        'node_modules/alias': { name: 'real', version: '2.0.0', license: 'ISC', integrity: 'sha512-r' },
        'node_modules/opt': { version: '3.0.0', optional: true, integrity: 'sha512-o' },
        'node_modules/peer-of-both': { version: '4.0.0', devOptional: true, license: 'MIT', integrity: 'sha512-p' },
        'node_modules/t': { version: '9.9.9', dev: true, license: 'MIT' },
      },
    };
    const rows = listProductionDependencies(small);
    expect(rows.map((p) => [p.name, p.version, p.license, p.kind, p.optional])).toEqual([
      ['@s/b', '2.1.0', 'BSD-3-Clause', 'transitive', false],
      ['a', '1.0.0', 'MIT', 'direct', false],
      ['opt', '3.0.0', 'UNKNOWN', 'transitive', true],
      ['peer-of-both', '4.0.0', 'MIT', 'transitive', true],
      ['real', '2.0.0', 'ISC', 'transitive', false],
    ]);
    expect(rows.find((p) => p.name === 'a')!.resolved).toBe('https://mirror.example/a-1.0.0.tgz');
    expect(rows.find((p) => p.name === '@s/b')!.resolved).toBe('https://registry.npmjs.org/@s/b/-/b-2.1.0.tgz');
    expect(toTsv(rows).split('\n')[0]).toBe('name\tversion\tlicense\tresolved\tintegrity\tkind');
    expect(() => listProductionDependencies({ lockfileVersion: 1, dependencies: {} })).toThrow(/lockfileVersion/);
  });

  it('prints one TSV row per package from the command line', () => {
    const out = execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('name\tversion\tlicense\tresolved\tintegrity\tkind');
    expect(lines.length - 1).toBe(listed.length);
    for (const line of lines.slice(1)) expect(line.split('\t')).toHaveLength(6);
  });
});
