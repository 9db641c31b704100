import type { ArticleStatus, UserRole } from '@/db/schema';
import type { SaveArticleInput } from '@/lib/validation/editorial';
import type { ArticleState } from '@/server/editorial/article-state';
import type { VersionConflictDetails } from '@/server/editorial/lock-article';

/** What the edit page hands the client editor (dates as ISO strings). */
export type EditorArticle = {
  id: number;
  version: number;
  status: ArticleStatus;
  title: string;
  slug: string;
  sapo: string;
  bodyJson: unknown;
  bodyHtml: string;
  categoryId: number | null;
  tags: string[];
  coverImage: string | null;
  coverCaption: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  featured: boolean;
  authorId: number;
  authorName: string;
  publishedAt: string | null;
  reviewNote: string | null;
  updatedAt: string;
};

export type EditorUser = { id: number; name: string; role: UserRole };

/** The `details` of a 409 from a save (server/editorial/lock-article.ts). */
export type ConflictInfo = VersionConflictDetails;

/**
 * Everything a save sends, minus the version and the autosave flag (the saver
 * adds them): the server's own schema, with the body as editor JSON (the raw
 * HTML form is for API clients, not this editor).
 */
export type SavePayload = Omit<SaveArticleInput, 'version' | 'autosave' | 'body'> & { body: Extract<SaveArticleInput['body'], { json: unknown }> };

/** What a save answers (dates arrive as strings through the JSON endpoint, as Dates through the action). */
export type SavedState = Omit<ArticleState, 'publishedAt' | 'updatedAt'> & { publishedAt: string | Date | null; updatedAt: string | Date };
