// npm run db:backup -- --out FILE: the database and the local media in one archive (server/ops/backup.ts).
// Postgres (DATABASE_URL): while the server runs. PGlite: with the server stopped (the folder lock refuses otherwise).
import { configFromEnv } from '../db/client';
import { env } from '../lib/env';
import { mediaRoot } from '../server/media/storage';
import { BackupError, createBackup } from '../server/ops/backup';
import { parseFlags } from './db-cli';

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags.out || flags.out === 'true') throw new BackupError('Cần --out TỆP, ví dụ: npm run db:backup -- --out backups/toa-soan-2026-12-02.tar.gz');
  const config = env();
  const started = Date.now();
  const manifest = await createBackup(
    {
      database: configFromEnv(),
      mediaRoot: config.S3_BUCKET ? null : mediaRoot(config),
      s3: config.S3_BUCKET ? { bucket: config.S3_BUCKET, endpoint: config.S3_ENDPOINT ?? null } : undefined,
    },
    flags.out,
  );
  const media = manifest.media.store === 'local' ? `${manifest.media.files.length} tệp ảnh` : `ảnh ở bucket ${manifest.media.bucket} (sao lưu bằng công cụ của kho S3)`;
  console.log(`Đã sao lưu ${manifest.driver} vào ${flags.out} sau ${((Date.now() - started) / 1000).toFixed(1)} s: ${manifest.counts.articles} bài, ${manifest.counts.users} người dùng, ${media}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
