import { nextFreeSlug, slugify } from '../slug';

/**
 * The slug an article is saved under: the one the editor asked for (or one
 * made from the title), normalised, and suffixed `-2`, `-3`… when another
 * article already has it. `taken` holds only other articles' slugs.
 */
export function chooseArticleSlug(requested: string | undefined, title: string, taken: Iterable<string>): string {
  const base = slugify(requested?.trim() ? requested : title) || 'bai-viet';
  return nextFreeSlug(base, taken);
}

/** Slugs in the database that could collide with `base`: itself and its numbered forms. */
export function slugCandidatesPattern(base: string): string {
  return `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
}
