import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------- people
export const userRole = pgEnum('user_role', ['journalist', 'moderator', 'admin']);
export type UserRole = (typeof userRole.enumValues)[number];

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  email: text('email').notNull().unique(),
  role: userRole('role').notNull().default('journalist'),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  /**
   * Sessions signed in before this instant are void. Cookies are stateless
   * JWTs, so signing out or resetting a password must be recorded here: a
   * request still in flight could otherwise re-issue the deleted cookie.
   */
  sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
  bio: text('bio'),
  /** Email for the newsroom's notifications (submitted, returned, published, comments); the bell shows them either way. */
  emailNotifications: boolean('email_notifications').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

// ---------------------------------------------------------------- taxonomy
export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('categories_parent_position_idx').on(t.parentId, t.position)],
);
export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;

export const tags = pgTable('tags', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: createdAt(),
});
export type Tag = typeof tags.$inferSelect;

// ---------------------------------------------------------------- articles
export const articleStatus = pgEnum('article_status', ['draft', 'pending', 'published', 'rejected', 'archived']);
export type ArticleStatus = (typeof articleStatus.enumValues)[number];

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    sapo: text('sapo').notNull().default(''),
    /** The editor's document (ProseMirror JSON); the source of truth for editing. */
    bodyJson: jsonb('body_json').$type<unknown>(),
    /** Sanitized on the server at save time; safe to render as is. */
    bodyHtml: text('body_html').notNull().default(''),
    /** Plain text for search and excerpts. */
    bodyText: text('body_text').notNull().default(''),
    coverImage: text('cover_image'),
    coverCaption: text('cover_caption'),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'set null' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    status: articleStatus('status').notNull().default('draft'),
    /** Publication time; a future value means scheduled ("Hẹn giờ"). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    featured: boolean('featured').notNull().default(false),
    /** A free-text byline shown instead of the authors' names ("Nhóm PV Kinh tế"); the authors stay linked. */
    byline: text('byline'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    /** Moderator's note when the article is returned ("Trả lại"). */
    reviewNote: text('review_note'),
    /** Denormalised from the daily view rollup; never incremented per hit. */
    viewCount: bigint('view_count', { mode: 'number' }).notNull().default(0),
    /** Optimistic locking: every save must name the version it started from. */
    version: integer('version').notNull().default(1),
    /** In the trash ("Thùng rác") since then; emptied after 30 days. Never on a public page. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: integer('deleted_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Diacritics-insensitive, weighted: title (A) > sapo (B) > body (C).
    // vn_unaccent is an IMMUTABLE wrapper around unaccent (migration 0000).
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', vn_unaccent(lower(title))), 'A') || setweight(to_tsvector('simple', vn_unaccent(lower(sapo))), 'B') || setweight(to_tsvector('simple', vn_unaccent(lower(body_text))), 'C')`,
    ),
    // Titles alone: small enough to stay in the row (no TOAST), so finding
    // title matches among 100k articles does not read every body.
    titleVector: tsvector('title_vector').generatedAlwaysAs(sql`to_tsvector('simple', vn_unaccent(lower(title)))`),
  },
  (t) => [
    uniqueIndex('articles_slug_idx').on(t.slug),
    index('articles_status_published_idx').on(t.status, t.publishedAt.desc()),
    index('articles_category_status_published_idx').on(t.categoryId, t.status, t.publishedAt.desc()),
    index('articles_author_status_idx').on(t.authorId, t.status, t.updatedAt.desc()),
    index('articles_status_updated_idx').on(t.status, t.updatedAt.desc()),
    // The admin list pages newest-edited first with keyset pagination, with or without filters.
    index('articles_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('articles_category_updated_idx').on(t.categoryId, t.updatedAt.desc()),
    // No pending list (fastupdate): every search would scan it, and it makes
    // the planner avoid the index; PGlite has no autovacuum to flush it. An
    // article is saved a few times, searched thousands of times.
    index('articles_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    index('articles_title_search_idx').using('gin', t.titleVector).with({ fastupdate: false }),
  ],
);
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId)],
);

export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    editorId: integer('editor_id').references(() => users.id),
    /** What happened: 'save', 'submit', 'publish', 'reject', 'restore', … */
    action: text('action').notNull(),
    version: integer('version').notNull(),
    status: articleStatus('status').notNull(),
    title: text('title').notNull(),
    sapo: text('sapo').notNull(),
    bodyJson: jsonb('body_json').$type<unknown>(),
    bodyHtml: text('body_html').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.createdAt.desc())],
);
export type ArticleRevision = typeof articleRevisions.$inferSelect;

/** Co-authors: the authors of an article besides its owner (`articles.author_id`), in byline order. */
export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index('article_authors_user_idx').on(t.userId)],
);

/** The editorial thread beside the editor: between the authors and the editors, never public. */
export const articleComments = pgTable(
  'article_comments',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** 'comment', or 'return_note' (the note of "Trả lại", which opens the thread). */
    kind: text('kind').notNull().default('comment'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('article_comments_article_idx').on(t.articleId, t.createdAt)],
);
export type ArticleComment = typeof articleComments.$inferSelect;

/** Who is told about a comment on an article: its authors, whoever commented, whoever chose to follow it. */
export const articleFollowers = pgTable(
  'article_followers',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

/** "Đính chính": dated correction notes of a published article, shown at its end and on /dinh-chinh. */
export const articleCorrections = pgTable(
  'article_corrections',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('article_corrections_article_idx').on(t.articleId), index('article_corrections_created_idx').on(t.createdAt.desc())],
);
export type ArticleCorrection = typeof articleCorrections.$inferSelect;

/**
 * The newsroom's notifications (the bell). `eventKey` names the event ("article:12:submitted:v5"):
 * unique per recipient, so the same event noticed by two instances is written once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    eventKey: text('event_key').notNull(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set once the email went out (or was skipped); null while it waits. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notifications_user_event_idx').on(t.userId, t.eventKey), index('notifications_user_created_idx').on(t.userId, t.createdAt.desc())],
);
export type Notification = typeof notifications.$inferSelect;

/** Who has an article open in the editor; rows older than a minute are ignored. */
export const articlePresence = pgTable(
  'article_presence',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

export const media = pgTable(
  'media',
  {
    id: serial('id').primaryKey(),
    storageKey: text('storage_key').notNull().unique(),
    url: text('url').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Responsive variants: [{ width, url }]. */
    variants: jsonb('variants').$type<{ width: number; url: string }[]>().notNull().default([]),
    caption: text('caption').notNull().default(''),
    alt: text('alt').notNull().default(''),
    /** Photographer or source ("Ảnh: Lâm Tú"), shown beside the caption. */
    credit: text('credit').notNull().default(''),
    /** The point the responsive crops (16:9, 4:3, 1:1) keep in frame, as fractions of width and height. */
    focalX: real('focal_x').notNull().default(0.5),
    focalY: real('focal_y').notNull().default(0.5),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('media_created_idx').on(t.createdAt.desc())],
);
export type Media = typeof media.$inferSelect;

// ---------------------------------------------------------------- redirects
/**
 * Old public paths that answer 308 to their new place: written when a
 * published article's or a category's slug changes, or by an admin for the
 * old portal's URLs. Chains are collapsed on write, so every row points at
 * a final target and a lookup is one indexed read.
 */
export const redirects = pgTable(
  'redirects',
  {
    id: serial('id').primaryKey(),
    fromPath: text('from_path').notNull().unique(),
    /** A path of this site ("/bai-viet/…") or an absolute http(s) URL. */
    toPath: text('to_path').notNull(),
    /** 'article' | 'category' (made by a slug change) or 'manual'. */
    source: text('source').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('redirects_to_path_idx').on(t.toPath)],
);
export type Redirect = typeof redirects.$inferSelect;

// ---------------------------------------------------------------- site settings
export const siteSettings = pgTable('site_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------- accounts & audit
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
  ],
);

/**
 * Fixed-window counters for rate limits that must hold across instances and
 * restarts (beacons per address, uploads per user): one row per key and
 * window, bumped with an upsert that returns the new count.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_counters_window_idx').on(t.windowStart)],
);

/** Notices for one account's owner, shown on their dashboard (e.g. a burst of failed sign-ins on their account). */
export const accountAlerts = pgTable(
  'account_alerts',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('account_alerts_user_idx').on(t.userId, t.createdAt.desc())],
);
export type AccountAlert = typeof accountAlerts.$inferSelect;

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: integer('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt.desc()), index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

// ---------------------------------------------------------------- visit statistics
/** One random salt per local day; a visitor's hash cannot be linked across days. */
export const visitSalts = pgTable('visit_salts', {
  day: date('day').primaryKey(),
  salt: text('salt').notNull(),
});

/** Append-only log of accepted pageviews, pruned by day. */
export const visitEvents = pgTable(
  'visit_events',
  {
    eventId: text('event_id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Local (Asia/Ho_Chi_Minh) calendar day of occurredAt. */
    day: date('day').notNull(),
    visitorHash: bytea('visitor_hash').notNull(),
    newVisit: boolean('new_visit').notNull(),
    path: text('path').notNull(),
    articleId: integer('article_id'),
    referrerHost: text('referrer_host'),
  },
  (t) => [
    index('visit_events_day_idx').on(t.day),
    index('visit_events_day_article_idx').on(t.day, t.articleId),
  ],
);

/** Per-visitor presence; only the visitor's own row is locked by a hit. */
export const visitorPresence = pgTable(
  'visitor_presence',
  {
    visitorHash: bytea('visitor_hash').primaryKey(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull(),
    visitStartedAt: timestamp('visit_started_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('visitor_presence_last_seen_idx').on(t.lastSeen)],
);

/** Daily aggregates written only by the rollup (one writer, advisory lock). */
export const visitDaily = pgTable('visit_daily', {
  day: date('day').primaryKey(),
  visits: integer('visits').notNull().default(0),
  pageviews: integer('pageviews').notNull().default(0),
  visitors: integer('visitors').notNull().default(0),
  updatedAt: updatedAt(),
});

export const articleViewsDaily = pgTable(
  'article_views_daily',
  {
    day: date('day').notNull(),
    articleId: integer('article_id').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.articleId] }), index('article_views_daily_article_idx').on(t.articleId)],
);

export const referrerDaily = pgTable(
  'referrer_daily',
  {
    day: date('day').notNull(),
    host: text('host').notNull(),
    visits: integer('visits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.host] })],
);

/** The widget's figures, one row, rewritten by the rollup. */
export const visitSnapshot = pgTable('visit_snapshot', {
  id: integer('id').primaryKey(),
  online: integer('online').notNull(),
  today: bigint('today', { mode: 'number' }).notNull(),
  week: bigint('week', { mode: 'number' }).notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});
