// `npm run deps:list`: every package a production install contains (`npm ci --omit=dev`),
// direct and transitive, with version, license and where it comes from, read from
// package-lock.json. For a reviewer when `npm audit` cannot reach its advisory endpoint:
// compare the list against advisories by hand or with another tool.
//
//   npm run deps:list                 # TSV: name, version, license, resolved, integrity, kind
//   npm run deps:list -- --table      # aligned columns for reading
//   npm run deps:list -- --lockfile path/to/package-lock.json
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ name: string, version: string, license: string, resolved: string, resolvedFromLock: boolean, integrity: string, kind: 'direct' | 'transitive', optional: boolean, path: string }} ProdPackage
 */

/**
 * The production packages of a package-lock.json (lockfileVersion 2 or 3):
 * every entry under `packages` that npm does not mark `dev` (what
 * `--omit=dev` leaves out). `devOptional` entries stay: npm installs them
 * without dev dependencies too (an optional peer of a production package).
 * `resolved` is the lockfile's; a lockfile written without it (this one)
 * gets the tarball address of the default registry, which is where npm
 * fetches it from then (`resolvedFromLock: false`). Sorted by name, then version.
 * @param {any} lock the parsed package-lock.json
 * @returns {ProdPackage[]}
 */
export function listProductionDependencies(lock) {
  if (!lock || typeof lock.packages !== 'object' || lock.packages === null) {
    throw new Error('package-lock.json không có mục "packages" (cần lockfileVersion 2 hoặc 3).');
  }
  const root = lock.packages[''] ?? {};
  const direct = new Set([...Object.keys(root.dependencies ?? {}), ...Object.keys(root.optionalDependencies ?? {})]);
  /** @type {ProdPackage[]} */
  const out = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === '' || entry.dev || entry.link) continue;
    const name = entry.name ?? nameFromLocation(location);
    out.push({
      name,
      version: entry.version ?? '',
      license: licenseOf(entry.license),
      resolved: entry.resolved ?? registryTarball(name, entry.version ?? ''),
      resolvedFromLock: typeof entry.resolved === 'string',
      integrity: entry.integrity ?? '',
      kind: location === `node_modules/${name}` && direct.has(name) ? 'direct' : 'transitive',
      optional: Boolean(entry.optional || entry.devOptional),
      path: location,
    });
  }
  return out.sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
}

/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
export function nameFromLocation(location) {
  const at = location.lastIndexOf('node_modules/');
  return at === -1 ? location : location.slice(at + 'node_modules/'.length);
}

/** `https://registry.npmjs.org/@s/b/-/b-1.2.3.tgz`: npm's default registry layout. */
export function registryTarball(name, version) {
  if (!version) return '';
  return `https://registry.npmjs.org/${name}/-/${name.slice(name.lastIndexOf('/') + 1)}-${version}.tgz`;
}

function licenseOf(license) {
  if (typeof license === 'string' && license) return license;
  if (license && typeof license === 'object' && typeof license.type === 'string') return license.type;
  return 'UNKNOWN';
}

const COLUMNS = ['name', 'version', 'license', 'resolved', 'integrity', 'kind'];
/** @param {ProdPackage} p */
const cells = (p) => [p.name, p.version, p.license, p.resolved, p.integrity, `${p.kind}${p.optional ? ',optional' : ''}`];

/** @param {ProdPackage[]} packages */
export function toTsv(packages) {
  return [COLUMNS, ...packages.map(cells)].map((r) => r.join('\t')).join('\n');
}

/** @param {ProdPackage[]} packages */
export function toTable(packages) {
  const rows = [COLUMNS, ...packages.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}

function main(argv) {
  const lockArg = argv.indexOf('--lockfile');
  const lockfile = path.resolve(lockArg >= 0 && argv[lockArg + 1] ? argv[lockArg + 1] : 'package-lock.json');
  const packages = listProductionDependencies(JSON.parse(fs.readFileSync(lockfile, 'utf8')));
  process.stdout.write(`${argv.includes('--table') ? toTable(packages) : toTsv(packages)}\n`);
  const direct = packages.filter((p) => p.kind === 'direct').length;
  const derived = packages.filter((p) => !p.resolvedFromLock).length;
  process.stderr.write(`${packages.length} gói production (${direct} trực tiếp, ${packages.length - direct} gián tiếp) từ ${path.relative(process.cwd(), lockfile) || lockfile}\n`);
  if (derived > 0) process.stderr.write(`${derived} gói không ghi "resolved" trong lockfile: cột resolved là địa chỉ tarball trên registry.npmjs.org.\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
