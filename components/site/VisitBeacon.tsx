'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

const ENDPOINT = '/api/visits';

/** crypto.randomUUID needs a secure context; plain-http deployments fall back to getRandomValues. */
function eventId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function send(body: string) {
  // A string is sent as text/plain: no CORS preflight, and it survives the page being closed.
  if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(ENDPOINT, body)) return;
  void fetch(ENDPOINT, { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(() => {});
}

/**
 * Counts a pageview after the page has loaded and on every client-side
 * navigation. Rendering nothing and reading only the pathname, it keeps
 * statically cached pages static; the server decides what is counted.
 */
export function VisitBeacon() {
  const pathname = usePathname();
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const path = window.location.pathname;
    if (previous.current === path) return; // React may run effects twice in development
    const referrer = previous.current ? `${window.location.origin}${previous.current}` : document.referrer;
    previous.current = path;
    send(JSON.stringify({ path, referrer: referrer || null, eventId: eventId() }));
  }, [pathname]);

  return null;
}
