import { sql } from 'drizzle-orm';
import { bodyFromBlocks } from './seed-data/blocks';
import type { Database } from './client';
import { articles, categories, users } from './schema';
import { demoArticles } from './seed-data/articles';

/** Deterministic pseudo-random numbers, so two runs build the same corpus. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Appends `count` synthetic published articles built from the demo corpus's
 * sentences, for benchmarks. Slugs carry a `-tn<n>` suffix so runs can be repeated.
 */
export async function seedBulkArticles(
  db: Database,
  count: number,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const random = mulberry32(20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentences = demoArticles.flatMap((a) => a.paragraphs.join(' ').split(/(?<=[.!?…])\s+/)).filter((s) => s.length > 20);
  const titles = demoArticles.map((a) => a.title);
  const categoryIds = (await db.select({ id: categories.id }).from(categories)).map((c) => c.id);
  const authorIds = (await db.select({ id: users.id }).from(users)).map((u) => u.id);
  if (!categoryIds.length || !authorIds.length) throw new Error('Seed the demo content first (categories and users).');
  const [maxRow] = await db.select({ n: sql<number>`coalesce(max(id), 0)::int` }).from(articles);
  const offset = Number(maxRow?.n ?? 0);
  const now = Date.now();

  // Loading goes faster through the GIN pending list; the indexes are left
  // without one, as searches need them (migration 0007), even if loading fails.
  await setSearchIndexPendingList(db, true);
  try {
    for (let start = 0; start < count; start += batchSize) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + batchSize); i++) {
        const n = offset + i + 1;
        const paragraphs = Array.from({ length: 4 }, () => Array.from({ length: 3 }, () => pick(sentences)).join(' '));
        const body = bodyFromBlocks(paragraphs.map((text) => ({ type: 'paragraph' as const, text })));
        const title = `${pick(titles)} (số ${n})`;
        const publishedAt = new Date(now - Math.floor(random() * 3 * 365 * 86_400_000) - 3_600_000);
        rows.push({
          title,
          slug: `tin-tong-hop-tn${n}`,
          sapo: pick(sentences),
          bodyJson: body.json,
          bodyHtml: body.html,
          bodyText: body.text,
          coverImage: `/images/demo/cover-${1 + (n % 12)}.jpg`,
          coverCaption: pick(sentences).slice(0, 120),
          categoryId: pick(categoryIds),
          authorId: pick(authorIds),
          status: random() < 0.95 ? ('published' as const) : pick(['draft', 'pending', 'rejected', 'archived'] as const),
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        });
      }
      await db.insert(articles).values(rows);
      options.onProgress?.(Math.min(count, start + batchSize));
    }
  } finally {
    await setSearchIndexPendingList(db, false);
  }
  await db.execute(sql`ANALYZE articles`);
}

async function setSearchIndexPendingList(db: Database, on: boolean): Promise<void> {
  for (const index of ['articles_search_idx', 'articles_title_search_idx']) {
    await db.execute(sql.raw(`ALTER INDEX ${index} SET (fastupdate = ${on})`));
    if (!on) await db.execute(sql.raw(`SELECT gin_clean_pending_list('${index}'::regclass)`));
  }
}
