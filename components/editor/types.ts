import type { ArticleStatus, UserRole } from '@/db/schema';

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

export type ConflictInfo = {
  serverVersion: number;
  server: { title: string; sapo: string; bodyHtml: string; bodyText: string; status: ArticleStatus; updatedAt: string; updatedBy: string | null };
};

/** Everything a save sends, minus the version (the saver adds it). */
export type SavePayload = {
  articleId: number;
  title: string;
  sapo: string;
  body: { json: unknown };
  slug?: string;
  categoryId: number | null;
  tags: string[];
  coverImage: string | null;
  coverCaption: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  featured?: boolean;
  authorId?: number;
};

export type SavedState = {
  id: number;
  version: number;
  status: ArticleStatus;
  slug: string;
  publishedAt: string | Date | null;
  reviewNote: string | null;
  /** An autosave of a published article: kept as a revision, not live yet. */
  liveUnchanged?: boolean;
};
