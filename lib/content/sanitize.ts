import sanitizeHtml from 'sanitize-html';
import { isExternalHref, isSafeImageSrc, isSafeLinkHref } from './urls';
import { YOUTUBE_EMBED_PATTERN, parseYouTubeId, youtubeEmbedUrl } from './youtube';

/**
 * The server's allowlist for article bodies. Everything that reaches
 * `articles.body_html` passed through here, whether it came from the editor's
 * JSON (rendered by render.ts) or as raw HTML. No style, no class, no event
 * handlers; links http/https/mailto or site-relative; images from our media
 * or over https; iframes only privacy-enhanced YouTube embeds.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'code',
    'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'figure', 'figcaption', 'img', 'iframe',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    iframe: ['src', 'title', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedIframeHostnames: ['www.youtube-nocookie.com'],
  allowIframeRelativeUrls: false,
  allowedStyles: {},
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  // Raw-text containers whose content must never come back as markup.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xmp', 'noembed', 'noframes', 'iframe', 'title', 'template', 'plaintext'],
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const out: sanitizeHtml.Attributes = {};
      if (href && isSafeLinkHref(href)) out.href = href;
      if (attribs.title) out.title = attribs.title;
      if (out.href && isExternalHref(out.href) && attribs.target === '_blank') {
        out.target = '_blank';
        out.rel = 'noopener noreferrer';
      }
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      const out: sanitizeHtml.Attributes = {};
      if (isSafeImageSrc(src)) out.src = src;
      for (const key of ['alt', 'title'] as const) if (attribs[key]) out[key] = attribs[key]!;
      for (const key of ['width', 'height'] as const) if (/^\d{1,5}$/.test(attribs[key] ?? '')) out[key] = attribs[key]!;
      out.loading = 'lazy';
      return { tagName, attribs: out };
    },
    iframe: (tagName, attribs) => {
      const id = parseYouTubeId(attribs.src ?? '');
      const trusted = id && /^https:\/\/(www\.)?youtube-nocookie\.com\/embed\//.test(attribs.src ?? '');
      if (!id || !trusted) return { tagName, attribs: {} as sanitizeHtml.Attributes };
      return {
        tagName,
        attribs: {
          src: youtubeEmbedUrl(id),
          title: attribs.title || 'Video YouTube',
          allow: 'accelerometer; encrypted-media; gyroscope; picture-in-picture',
          allowfullscreen: 'true',
          loading: 'lazy',
          referrerpolicy: 'strict-origin-when-cross-origin',
        },
      };
    },
    ol: (tagName, attribs) => {
      const out: sanitizeHtml.Attributes = {};
      if (/^\d{1,4}$/.test(attribs.start ?? '')) out.start = attribs.start!;
      return { tagName, attribs: out };
    },
    th: cellTransform,
    td: cellTransform,
  },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !frame.attribs.src) || (frame.tag === 'iframe' && !YOUTUBE_EMBED_PATTERN.test(frame.attribs.src ?? '')),
};

function cellTransform(tagName: string, attribs: sanitizeHtml.Attributes) {
  const out: sanitizeHtml.Attributes = {};
  for (const key of ['colspan', 'rowspan'] as const) if (/^[1-9]\d?$/.test(attribs[key] ?? '')) out[key] = attribs[key]!;
  return { tagName, attribs: out };
}

/** Sanitized article HTML, safe to render with dangerouslySetInnerHTML. */
export function sanitizeArticleHtml(html: string): string {
  // The iframe's "text" is never content; keeping it in nonTextTags drops payloads hidden inside.
  return sanitizeHtml(html, options).trim();
}

/** Plain text, for search, excerpts and word counts. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(
    html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr|table|ul|ol)>/gi, '$&\n\n').replace(/<br\s*\/?>/gi, '\n'),
    { allowedTags: [], allowedAttributes: {}, nonTextTags: options.nonTextTags },
  );
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

export function countWords(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length;
}
