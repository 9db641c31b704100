// npm run db:restore -- --in FILE --yes: replaces the database (and the local media) with the archive's
// (server/ops/backup.ts). Stop the server first with PGlite (the folder lock refuses otherwise); with
// Postgres, stop the instances too, or they serve and write through the restore.
import { configFromEnv } from '../db/client';
import { env } from '../lib/env';
import { mediaRoot } from '../server/media/storage';
import { BackupError, restoreBackup } from '../server/ops/backup';
import { parseFlags } from './db-cli';

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags.in || flags.in === 'true') throw new BackupError('Cần --in TỆP, ví dụ: npm run db:restore -- --in backups/toa-soan-2026-12-02.tar.gz --yes');
  const database = configFromEnv();
  if (flags.yes !== 'true') {
    const where = database.driver === 'postgres' ? 'cơ sở dữ liệu ở DATABASE_URL' : `thư mục PGlite ${database.dataDir}`;
    throw new BackupError(`Khôi phục sẽ THAY toàn bộ ${where} (và ảnh trên đĩa) bằng nội dung của ${flags.in}. Thêm --yes để tiếp tục.`);
  }
  const config = env();
  const { manifest, keptAside } = await restoreBackup({ database, mediaRoot: config.S3_BUCKET ? null : mediaRoot(config) }, flags.in);
  console.log(`Đã khôi phục bản sao lưu lúc ${manifest.createdAt}: ${manifest.counts.articles} bài, ${manifest.counts.users} người dùng; số dòng và tổng kiểm tra ảnh khớp.`);
  if (keptAside) console.log(`Thư mục dữ liệu trước khi khôi phục được giữ ở ${keptAside} (xóa khi không cần nữa).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
