import 'server-only';
import { permanentRedirect } from 'next/navigation';
import { resolveRedirect } from './resolve-redirect';

/**
 * For a page that found nothing at `path`: answers 308 to where it moved, if it did;
 * returns otherwise (the caller then answers 404).
 */
export async function redirectIfMoved(path: string): Promise<void> {
  const target = await resolveRedirect(path);
  if (target) permanentRedirect(target);
}
