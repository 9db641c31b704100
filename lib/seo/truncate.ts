/** What search engines show of a meta description before cutting it themselves. */
export const META_DESCRIPTION_MAX = 160;
/** The longest headline structured data should carry. */
export const HEADLINE_MAX = 110;

const ELLIPSIS = '…';
// Left dangling before the ellipsis, these read as a sentence cut in the wrong place.
const TRAILING_JOINERS = /[\s,;:.\-–—([{«“‘"']+$/u;

/**
 * `text` on one line (whitespace collapsed, NFC so a decomposed diacritic
 * counts once), at most `max` characters long. A longer text is cut after
 * the last whole word that fits, and ends with an ellipsis, counted in `max`.
 * A single word longer than `max` is the one case cut inside a word. Counts
 * code points: an emoji is never split in half.
 */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const room = chars.slice(0, Math.max(0, max - 1));
  // The cut is between words when the character after the room is a space.
  const end = chars[room.length] === ' ' ? room.length : room.lastIndexOf(' ');
  const words = end > 0 ? room.slice(0, end).join('').replace(TRAILING_JOINERS, '') : '';
  return `${words || room.join('')}${ELLIPSIS}`;
}
