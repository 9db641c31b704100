import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '@/lib/env';
import { MEDIA_KEY_PATTERN } from '@/lib/media/keys';
import { s3ConfigFromEnv, S3Storage, type S3Env } from './s3-storage';
import { contentTypeOfKey, mediaRoot } from './storage';

/** What the copy needs from the bucket: S3Storage, or anything that stores and measures the same way. */
export type MigrationTarget = Pick<S3Storage, 'put' | 'sizeOf'>;

export type MigrationReport = {
  copied: string[];
  /** Already in the bucket with the same size. */
  skipped: string[];
  failed: { key: string; reason: string }[];
  /** Files under the media folder that are not uploads (temporary files, notes left by hand): never copied. */
  ignored: string[];
};

type Log = (line: string) => void;

// A few uploads at once hide the round-trip time to a remote store without flooding it.
const PARALLEL_COPIES = 4;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every file under `root`, as a `/`-separated path relative to it; unreadable folders are reported, not fatal. */
async function listFiles(root: string, failed: MigrationReport['failed']): Promise<string[]> {
  const files: string[] = [];
  async function walk(relative: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      if (relative === '') throw new Error(`Không đọc được thư mục ảnh ${root}: ${reasonOf(error)}`);
      failed.push({ key: `${relative}/`, reason: reasonOf(error) });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      // Symbolic links are not followed into folders (no loops); a linked file is read through its link.
      if (entry.isDirectory()) await walk(child);
      else files.push(child);
    }
  }
  await walk('');
  return files;
}

/**
 * Copies every upload under the local media folder `root` into the bucket,
 * skipping objects already there with the same size, so a run that was cut
 * short can simply be started again. Local files are never deleted: the
 * folder stays a backup until whoever runs the server removes it.
 */
export async function migrateMediaToS3(options: { root: string; target: MigrationTarget; log?: Log }): Promise<MigrationReport> {
  const log = options.log ?? (() => {});
  const report: MigrationReport = { copied: [], skipped: [], failed: [], ignored: [] };
  const files = await listFiles(options.root, report.failed);
  const keys = files.filter((file) => MEDIA_KEY_PATTERN.test(file));
  report.ignored = files.filter((file) => !MEDIA_KEY_PATTERN.test(file));
  log(`Tìm thấy ${keys.length} tệp ảnh cần chép${report.ignored.length > 0 ? ` (bỏ qua ${report.ignored.length} tệp không phải ảnh tải lên)` : ''}.`);

  let done = 0;
  const progress = () => `[${++done}/${keys.length}]`;
  async function copy(key: string): Promise<void> {
    try {
      const file = path.join(options.root, ...key.split('/'));
      const { size } = await fs.stat(file);
      if ((await options.target.sizeOf(key)) === size) {
        report.skipped.push(key);
        log(`${progress()} Đã có trên kho, bỏ qua: ${key}`);
        return;
      }
      await options.target.put(key, await fs.readFile(file), contentTypeOfKey(key));
      report.copied.push(key);
      log(`${progress()} Đã chép: ${key}`);
    } catch (error) {
      report.failed.push({ key, reason: reasonOf(error) });
      log(`${progress()} Lỗi khi chép ${key}: ${reasonOf(error)}`);
    }
  }

  let next = 0;
  const worker = async () => {
    while (next < keys.length) await copy(keys[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_COPIES, keys.length) }, worker));
  return report;
}

export function formatMigrationSummary(report: MigrationReport): string {
  const lines = [`Kết quả: đã chép ${report.copied.length}, bỏ qua ${report.skipped.length} (đã có trên kho), lỗi ${report.failed.length}.`];
  if (report.failed.length > 0) {
    lines.push('Các tệp chưa chép được (chạy lại lệnh sau khi sửa lỗi; tệp đã chép sẽ được bỏ qua):');
    for (const failure of report.failed) lines.push(`  - ${failure.key}: ${failure.reason}`);
  }
  lines.push('Không tệp nào trong thư mục ảnh bị xóa.');
  return lines.join('\n');
}

export const S3_BUCKET_MISSING_MESSAGE =
  'Chưa đặt S3_BUCKET: không biết chép ảnh lên kho nào. Đặt S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (và S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE nếu cần; xem .env.example) rồi chạy lại.';

type MigrationEnv = Pick<Env, 'MEDIA_DIR' | 'DATA_DIR'> & S3Env;

/**
 * `npm run media:migrate-to-s3`: copies the media folder of `config` into its
 * S3_* bucket and prints progress and a summary. Returns the exit code:
 * 0 all copied or skipped, 1 some file failed, 2 no bucket configured.
 */
export async function runMediaMigration(config: MigrationEnv, io: { log: Log; error: Log }): Promise<number> {
  const s3 = s3ConfigFromEnv(config);
  if (!s3) {
    io.error(S3_BUCKET_MISSING_MESSAGE);
    return 2;
  }
  const root = mediaRoot(config);
  const target = new S3Storage(s3);
  try {
    io.log(`Chép ảnh từ ${root} lên kho S3 "${s3.bucket}"${s3.endpoint ? ` (${s3.endpoint})` : ''}.`);
    const report = await migrateMediaToS3({ root, target, log: io.log });
    (report.failed.length > 0 ? io.error : io.log)(formatMigrationSummary(report));
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    target.close();
  }
}
