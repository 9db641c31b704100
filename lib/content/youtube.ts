/** YouTube video ids are exactly 11 characters of [A-Za-z0-9_-]. */
export const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com', 'youtube-nocookie.com']);

/** The video id from a pasted link (watch, youtu.be, shorts, embed) or a bare id; null for anything else. */
export function parseYouTubeId(input: string): string | null {
  const value = input.trim();
  if (YOUTUBE_ID.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!YOUTUBE_HOSTS.has(url.hostname)) return null;
  let candidate: string | null = null;
  if (url.hostname === 'youtu.be') candidate = url.pathname.slice(1);
  else if (url.pathname === '/watch') candidate = url.searchParams.get('v');
  else {
    const match = /^\/(?:embed|shorts|live)\/([^/]+)\/?$/.exec(url.pathname);
    candidate = match?.[1] ?? null;
  }
  return candidate && YOUTUBE_ID.test(candidate) ? candidate : null;
}

/** Privacy-enhanced embed: no cookies until the reader presses play. */
export function youtubeEmbedUrl(id: string): string {
  if (!YOUTUBE_ID.test(id)) throw new Error('invalid YouTube id');
  return `https://www.youtube-nocookie.com/embed/${id}`;
}

export const YOUTUBE_EMBED_PATTERN = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/;
