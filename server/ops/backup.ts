import 'server-only';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { acquireFolderLock, type DatabaseConfig, type DatabaseHandle } from '@/db/client';
import { rows } from '@/db/rows';
import { BACKUP_FORMAT, COUNTED_TABLES, countMismatches, driverMismatch, readManifest, type BackupManifest } from '@/lib/backup-manifest';

/**
 * Backups of the whole portal in one archive (a .tar.gz): the database, and the media when they
 * live on this machine's disk (an S3 bucket is named in the manifest and backed up with the
 * store's own tools). Postgres through pg_dump/pg_restore (custom format); PGlite through its own
 * dump of the data folder, which needs the folder: the server must be stopped (its lock says so).
 * npm run db:backup / db:restore (scripts/db-backup.ts, scripts/db-restore.ts).
 */
export type BackupTarget = {
  database: DatabaseConfig;
  /**
   * PGlite only: the server's own open database, dumped through it (the admin's "Tải bản sao lưu",
   * app/api/admin/sao-luu/route.ts) instead of opening the folder, which the running server holds.
   */
  running?: DatabaseHandle;
  /** The media folder of the local disk store; null when the media are in S3. */
  mediaRoot: string | null;
  s3?: { bucket: string; endpoint: string | null };
};

const ARCHIVE_DIR = 'toa-soan-backup';

class BackupError extends Error {}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(`Không tìm thấy lệnh ${command} (${what}): cài gói postgresql-client cùng phiên bản với máy chủ.`);
  }
  if (result.status !== 0) throw new BackupError(`${what} thất bại (${command} mã ${result.status}): ${(result.stderr || '').trim().slice(0, 2000)}`);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every file under `root`, as keys relative to it (the media keys). Temporary files of a write in progress are left out. */
function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(root, entry)).isFile() && !entry.endsWith('.tmp'))
    .map((entry) => entry.split(path.sep).join('/'))
    .sort();
}

type PgliteClient = { query: <T>(sql: string) => Promise<{ rows: T[] }>; dumpDataDir: (compression: 'gzip') => Promise<Blob>; close: () => Promise<void> };

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PgliteClient> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return (await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) })) as unknown as PgliteClient;
}

async function countRows(query: (sql: string) => Promise<{ n: number | string }[]>): Promise<BackupManifest['counts']> {
  const counts = {} as BackupManifest['counts'];
  for (const table of COUNTED_TABLES) counts[table] = Number((await query(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  return counts;
}

async function postgresCounts(url: string): Promise<BackupManifest['counts']> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await countRows((text) => sql.unsafe(text) as unknown as Promise<{ n: number }[]>);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Writes the archive to `outFile`; returns its manifest. */
export async function createBackup(target: BackupTarget, outFile: string): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-backup-'));
  const dir = path.join(work, ARCHIVE_DIR);
  fs.mkdirSync(dir);
  try {
    let counts: BackupManifest['counts'];
    if (target.database.driver === 'postgres') {
      run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', path.join(dir, 'database.dump'), target.database.url], 'Sao lưu cơ sở dữ liệu');
      counts = await postgresCounts(target.database.url);
    } else if (target.running?.dumpDataDir) {
      const running = target.running;
      counts = await countRows((text) => rows<{ n: number }>(running.db, sql.raw(text)));
      fs.writeFileSync(path.join(dir, 'pglite-data.tar.gz'), Buffer.from(await (await running.dumpDataDir!()).arrayBuffer()));
    } else {
      const release = acquireFolderLock(target.database.dataDir);
      try {
        const db = await openPglite(target.database.dataDir);
        try {
          counts = await countRows(async (text) => (await db.query<{ n: number }>(text)).rows);
          fs.writeFileSync(path.join(dir, 'pglite-data.tar.gz'), Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()));
        } finally {
          await db.close();
        }
      } finally {
        release();
      }
    }

    let media: BackupManifest['media'];
    if (target.mediaRoot) {
      const keys = listFiles(target.mediaRoot);
      for (const key of keys) {
        fs.mkdirSync(path.dirname(path.join(dir, 'media', key)), { recursive: true });
        fs.copyFileSync(path.join(target.mediaRoot, key), path.join(dir, 'media', key));
      }
      media = { store: 'local', files: keys.map((key) => ({ key, bytes: fs.statSync(path.join(dir, 'media', key)).size, sha256: sha256(path.join(dir, 'media', key)) })) };
    } else {
      media = { store: 's3', bucket: target.s3?.bucket ?? '', endpoint: target.s3?.endpoint ?? null };
    }

    const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), driver: target.database.driver, counts, media };
    fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    // Written beside the target, then renamed: an interrupted backup never leaves a file that looks complete.
    const partial = `${path.resolve(outFile)}.partial`;
    run('tar', ['-czf', partial, '-C', work, ARCHIVE_DIR], 'Đóng gói bản sao lưu');
    fs.renameSync(partial, path.resolve(outFile));
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Replaces the database (and the local media) with the archive's, then checks the row counts and
 * the media checksums against its manifest. PGlite: the current data folder is kept beside the
 * restored one, renamed, not deleted.
 */
export async function restoreBackup(target: BackupTarget, inFile: string): Promise<{ manifest: BackupManifest; keptAside?: string }> {
  if (!fs.existsSync(inFile)) throw new BackupError(`Không có tệp ${inFile}.`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-restore-'));
  try {
    run('tar', ['-xzf', path.resolve(inFile), '-C', work], 'Mở bản sao lưu');
    const dir = path.join(work, ARCHIVE_DIR);
    const manifestFile = path.join(dir, 'manifest.json');
    if (!fs.existsSync(manifestFile)) throw new BackupError('Tệp này không có manifest.json: không phải bản sao lưu của Tòa soạn.');
    const read = readManifest(fs.readFileSync(manifestFile, 'utf8'));
    if ('problem' in read) throw new BackupError(read.problem);
    const { manifest } = read;
    const mismatch = driverMismatch(manifest.driver, target.database.driver);
    if (mismatch) throw new BackupError(mismatch);

    let keptAside: string | undefined;
    let counts: BackupManifest['counts'];
    if (target.database.driver === 'postgres') {
      run(
        'pg_restore',
        ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', target.database.url, path.join(dir, 'database.dump')],
        'Khôi phục cơ sở dữ liệu',
      );
      counts = await postgresCounts(target.database.url);
    } else {
      const dataDir = target.database.dataDir;
      const release = acquireFolderLock(dataDir);
      try {
        if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
          keptAside = `${dataDir}.truoc-khoi-phuc-${new Date().toISOString().replace(/[:.]/g, '-')}`;
          fs.renameSync(dataDir, keptAside);
        }
        fs.mkdirSync(dataDir, { recursive: true });
        const archive = fs.readFileSync(path.join(dir, 'pglite-data.tar.gz'));
        const db = await openPglite(dataDir, new Blob([archive]));
        try {
          counts = await countRows(async (text) => (await db.query<{ n: number }>(text)).rows);
        } finally {
          await db.close();
        }
      } finally {
        release();
      }
    }
    const wrong = countMismatches(manifest.counts, counts);
    if (wrong.length > 0) throw new BackupError(`Số dòng sau khi khôi phục khác bản sao lưu: ${wrong.join('; ')}.`);

    if (manifest.media.store === 'local') {
      if (!target.mediaRoot) throw new BackupError('Bản sao lưu chứa ảnh trên đĩa nhưng cấu hình hiện tại lưu ảnh trên S3: chép thư mục media trong bản sao lưu lên bucket (npm run media:migrate-to-s3).');
      for (const file of manifest.media.files) {
        const destination = path.join(target.mediaRoot, file.key);
        fs.mkdirSync(path.dirname(destination), { recursive: true });
        fs.copyFileSync(path.join(dir, 'media', file.key), destination);
        if (sha256(destination) !== file.sha256) throw new BackupError(`Ảnh ${file.key} sau khi khôi phục không khớp tổng kiểm tra của bản sao lưu.`);
      }
    }
    return { manifest, keptAside };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export { BackupError };
