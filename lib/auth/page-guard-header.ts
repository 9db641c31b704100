/** Request header set by proxy.ts: the path (and query) being rendered, for the sign-in round trip. */
export const PATHNAME_HEADER = 'x-toa-soan-path';
