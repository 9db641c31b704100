import { nextFreeSlug, slugify } from '../slug';

/** The slug an article asks for: the one the editor typed, or one made from the title. */
export function articleSlugBase(requested: string | undefined, title: string): string {
  return slugify(requested?.trim() ? requested : title) || 'bai-viet';
}

/**
 * The slug an article is saved under: the one the editor asked for (or one
 * made from the title), normalised, and suffixed `-2`, `-3`… when another
 * article already has it. `taken` holds only other articles' slugs.
 */
export function chooseArticleSlug(requested: string | undefined, title: string, taken: Iterable<string>): string {
  return nextFreeSlug(articleSlugBase(requested, title), taken);
}

/** Slugs in the database that could collide with `base`: itself and its numbered forms. */
export function slugCandidatesPattern(base: string): string {
  return `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
}

/** Tags by slug, first spelling wins: "Lào Cai" and "lao cai" are one tag; names with no slug are dropped. */
export function uniqueTagsBySlug(names: string[]): { slug: string; name: string }[] {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug && !wanted.has(slug)) wanted.set(slug, name);
  }
  return [...wanted].map(([slug, name]) => ({ slug, name }));
}
