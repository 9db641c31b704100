import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/editor/ArticleEditor';
import { listAuthors } from '@/db/queries/editorial-list';
import { getCategories } from '@/db/queries/taxonomy';
import { requirePageUser } from '@/server/auth/page-guard';
import { isEditor } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Viết bài mới' };

/**
 * "Viết bài mới": the editor on an article that does not exist yet. Its first real save
 * makes the row (createArticleWithContentAction) and the address becomes /admin/bai-viet/<id>;
 * opening this page and leaving writes nothing.
 */
export default async function NewArticlePage() {
  const user = await requirePageUser();
  const [categories, authors] = await Promise.all([getCategories(), isEditor(user.role) ? listAuthors() : Promise.resolve(null)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Bài viết mới</h1>
      <ArticleEditor
        article={{
          id: 0,
          version: 0,
          status: 'draft',
          title: '',
          slug: '',
          sapo: '',
          bodyJson: { type: 'doc', content: [] },
          bodyHtml: '',
          categoryId: null,
          tags: [],
          coverImage: null,
          coverCaption: null,
          seoTitle: null,
          seoDescription: null,
          featured: false,
          authorId: user.id,
          authorName: user.name,
          publishedAt: null,
          reviewNote: null,
          updatedAt: new Date().toISOString(),
        }}
        user={{ id: user.id, name: user.name, role: user.role }}
        categories={categories.map((c) => ({ id: c.id, name: c.name }))}
        authors={authors?.map((a) => ({ id: a.id, name: a.name })) ?? null}
        revisions={[]}
      />
    </div>
  );
}
