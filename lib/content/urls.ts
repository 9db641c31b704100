/**
 * URL allowlists shared by the sanitizer, the server renderer and the editor.
 * They test the raw value: any leading whitespace, control character or
 * entity trick fails the test instead of being "cleaned" into a scheme.
 */
const LINK = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*|#[^\s]*)$/i;
const IMAGE = /^(?:https:\/\/[^\s]+|\/(?:media|images)\/[A-Za-z0-9._\-/]+)$/;

export function isSafeLinkHref(href: string): boolean {
  return LINK.test(href) && !/[\u0000-\u001f\u007f-\u009f]/.test(href);
}

export function isSafeImageSrc(src: string): boolean {
  return IMAGE.test(src) && !src.includes('..');
}

export function isExternalHref(href: string): boolean {
  return /^https?:\/\//i.test(href);
}
