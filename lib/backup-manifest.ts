import { z } from 'zod';

/**
 * What a backup archive (npm run db:backup) says about itself, in its manifest.json: which
 * database it holds, where the media are, and the row counts a restore checks itself against.
 * Pure: reading and checking a manifest needs no database.
 */
export const BACKUP_FORMAT = 1;

/** Tables whose row counts are recorded and checked after a restore. */
export const COUNTED_TABLES = ['users', 'categories', 'tags', 'articles', 'article_revisions', 'media', 'visit_daily', 'article_views_daily'] as const;

const mediaFile = z.object({ key: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  driver: z.enum(['postgres', 'pglite']),
  counts: z.record(z.enum(COUNTED_TABLES), z.number().int().nonnegative()),
  media: z.discriminatedUnion('store', [
    z.object({ store: z.literal('local'), files: z.array(mediaFile) }),
    z.object({ store: z.literal('s3'), bucket: z.string(), endpoint: z.string().nullable() }),
  ]),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The manifest in `text`, or a Vietnamese reason why this is not an archive this version can restore. */
export function readManifest(text: string): { manifest: BackupManifest } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'manifest.json không phải JSON: tệp không phải bản sao lưu của Tòa soạn hoặc đã hỏng.' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > BACKUP_FORMAT) {
    return { problem: `Bản sao lưu định dạng ${format}, mới hơn phiên bản này (${BACKUP_FORMAT}): hãy khôi phục bằng phiên bản đã tạo ra nó.` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return { problem: `manifest.json không hợp lệ: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim() };
  return { manifest: parsed.data };
}

/** Why a backup of `from` cannot go into `to`, or null. */
export function driverMismatch(from: BackupManifest['driver'], to: BackupManifest['driver']): string | null {
  if (from === to) return null;
  const name = { postgres: 'máy chủ Postgres (DATABASE_URL)', pglite: 'PGlite nhúng' };
  return `Bản sao lưu này là của ${name[from]}, còn cấu hình hiện tại dùng ${name[to]}: khôi phục vào đúng loại cơ sở dữ liệu đã sao lưu.`;
}

/** Tables whose counts after a restore differ from the manifest's, as "table: expected → found". */
export function countMismatches(expected: BackupManifest['counts'], found: Partial<Record<(typeof COUNTED_TABLES)[number], number>>): string[] {
  return COUNTED_TABLES.filter((table) => expected[table] !== undefined && expected[table] !== found[table]).map(
    (table) => `${table}: ${expected[table]} → ${found[table] ?? 'không có'}`,
  );
}
