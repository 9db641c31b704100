/** The fields of a save that most tests leave empty: no category, tags, cover or SEO text. */
export const emptyArticleExtras = {
  categoryId: null,
  tags: [],
  coverImage: null,
  coverCaption: null,
  seoTitle: null,
  seoDescription: null,
} as const;

/** An editor document with one paragraph of `text`. */
export function paragraphDoc(text: string) {
  return { json: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}
