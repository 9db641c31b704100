import bcrypt from 'bcryptjs';
import { sql } from 'drizzle-orm';
import { bodyFromBlocks, type TextBlock } from './seed-data/blocks';
import { BCRYPT_COST } from '../lib/auth/password-policy';
import { slugify, nextFreeSlug } from '../lib/slug';
import type { Database, Executor } from './client';
import { articles, articleTags, categories, tags, users } from './schema';
import { demoArticles, type DemoArticle } from './seed-data/articles';
import { laoCaiChiThi05 } from './seed-data/lao-cai-chi-thi-05';
import { demoCategories, demoUsers } from './seed-data/site';

/** The real article from the portal we replace: title, sapo, paragraphs, then the byline. */
export function readSeedArticle(raw = laoCaiChiThi05) {
  const lines = raw.split('\n').map((l) => l.trim());
  const [title = '', sapo = ''] = lines;
  const bylineIndex = lines.indexOf('Lâm Tú');
  const paragraphs = lines.slice(2, bylineIndex > 0 ? bylineIndex : undefined).filter(Boolean);
  return { title, sapo, paragraphs };
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Seeds categories, one user per role and the demo articles, once, on an empty database. */
export async function seedDemoContent(db: Database, now = new Date()): Promise<{ seeded: boolean }> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (Number(existing?.n ?? 0) > 0) return { seeded: false };

  await db.transaction(async (tx) => {
    const categoryRows = await tx
      .insert(categories)
      .values(demoCategories.map((c, i) => ({ ...c, position: i + 1 })))
      .returning();
    const categoryId = new Map(categoryRows.map((c) => [c.slug, c.id]));

    const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
    const userRows = await tx
      .insert(users)
      .values(demoUsers.map((u, i) => ({ name: u.name, slug: u.key, email: u.email, role: u.role, bio: u.bio, passwordHash: hashes[i]! })))
      .returning();
    const userId = new Map(userRows.map((u) => [u.slug, u.id]));

    const seed = readSeedArticle();
    const all: DemoArticle[] = [
      {
        title: seed.title,
        sapo: seed.sapo,
        paragraphs: seed.paragraphs,
        category: 'xay-dung-dang',
        tags: ['Lào Cai', 'Chỉ thị 05', 'Xây dựng Đảng'],
        author: 'lam-tu',
        hoursAgo: 5,
        cover: 1,
        coverCaption: 'Hội nghị sơ kết 2 năm thực hiện Chỉ thị 05 của Thành ủy Lào Cai.',
        featured: true,
      },
      ...demoArticles,
    ];
    await insertDemoArticles(tx, all, categoryId, userId, now);
  });
  return { seeded: true };
}

async function insertDemoArticles(
  tx: Executor,
  all: DemoArticle[],
  categoryId: Map<string, number>,
  userId: Map<string, number>,
  now: Date,
) {
  const tagNames = [...new Set(all.flatMap((a) => a.tags))];
  const tagRows = tagNames.length
    ? await tx
        .insert(tags)
        .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
        .onConflictDoNothing()
        .returning()
    : [];
  const tagId = new Map(tagRows.map((t) => [t.name, t.id]));

  const usedSlugs: string[] = [];
  for (const a of all) {
    const blocks: TextBlock[] = [];
    a.paragraphs.forEach((text, index) => {
      const heading = a.subheadings?.find((h) => h.beforeParagraph === index);
      if (heading) blocks.push({ type: 'heading', text: heading.text });
      blocks.push({ type: 'paragraph', text });
    });
    const body = bodyFromBlocks(blocks);
    const slug = nextFreeSlug(slugify(a.title), usedSlugs);
    usedSlugs.push(slug);
    const publishedAt = new Date(now.getTime() - a.hoursAgo * 3_600_000);
    const [row] = await tx
      .insert(articles)
      .values({
        title: a.title,
        slug,
        sapo: a.sapo,
        bodyJson: body.json,
        bodyHtml: body.html,
        bodyText: body.text,
        coverImage: `/images/demo/cover-${a.cover}.jpg`,
        coverCaption: a.coverCaption,
        categoryId: categoryId.get(a.category) ?? null,
        authorId: userId.get(a.author) ?? userId.get('lam-tu')!,
        status: 'published',
        publishedAt,
        featured: a.featured ?? false,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      })
      .returning({ id: articles.id });
    const ids = a.tags.map((t) => tagId.get(t)).filter((id): id is number => id !== undefined);
    if (row && ids.length) await tx.insert(articleTags).values(ids.map((id) => ({ articleId: row.id, tagId: id })));
  }
}
