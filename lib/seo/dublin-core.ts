import { toLocalIso, type Instant } from '../time';

export type DublinCoreInput = {
  title: string;
  creator: string;
  date: Instant | null;
  description: string;
  publisher: string;
  /** The canonical absolute URL. */
  identifier: string;
};

/**
 * An article's Dublin Core `<meta name="DC.…">` tags, read by library and
 * archive harvesters rather than search engines; for Next's Metadata
 * `other`. An empty value is left out rather than written as "".
 */
export function dublinCoreMeta(input: DublinCoreInput): Record<string, string> {
  const meta: Record<string, string> = {
    'DC.title': input.title,
    'DC.creator': input.creator,
    'DC.date': input.date ? toLocalIso(input.date) : '',
    'DC.description': input.description,
    'DC.publisher': input.publisher,
    'DC.identifier': input.identifier,
    'DC.language': 'vi',
  };
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value.trim() !== ''));
}
