import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { DatabaseConfig } from '@/db/client';
import { getDatabaseHandle } from '@/db/index';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { adminRoute } from '@/server/http/admin-route';
import { mediaRoot } from '@/server/media/storage';
import { BackupError, createBackup } from '@/server/ops/backup';

// "Tải bản sao lưu" (Cài đặt): the same archive as `npm run db:backup`, taken while the server runs
// (PGlite through its own open database, Postgres with pg_dump) and sent as a download. Admins only.
export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return adminRoute(request, async (user) => {
    if (user.role !== 'admin') throw new AppError('forbidden', 'Chỉ quản trị viên được tải bản sao lưu.');
    const config = env();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-download-'));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const file = path.join(folder, `toa-soan-${stamp}.tar.gz`);
    // The database this server is serving, whatever the environment of the moment says.
    const handle = await getDatabaseHandle();
    const database: DatabaseConfig = handle.driver === 'postgres' ? { driver: 'postgres', url: handle.url! } : { driver: 'pglite', dataDir: '' };
    try {
      await createBackup(
        {
          database,
          running: handle.driver === 'pglite' ? handle : undefined,
          mediaRoot: config.S3_BUCKET ? null : mediaRoot(config),
          s3: config.S3_BUCKET ? { bucket: config.S3_BUCKET, endpoint: config.S3_ENDPOINT ?? null } : undefined,
        },
        file,
      );
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      if (error instanceof BackupError) throw new AppError('service_unavailable', `Không tạo được bản sao lưu: ${error.message}`);
      throw error;
    }
    const stream = fs.createReadStream(file);
    // The temporary copy goes once it has been sent (or the download was abandoned).
    stream.once('close', () => fs.rmSync(folder, { recursive: true, force: true }));
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        'Content-Type': 'application/gzip',
        'Content-Length': String(fs.statSync(file).size),
        'Content-Disposition': `attachment; filename="${path.basename(file)}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
