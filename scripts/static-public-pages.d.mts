import type { IncomingMessage, ServerResponse } from 'node:http';

/** The text of one of the build's stylesheets by its href, or null to keep the link. */
export type StylesheetReader = (href: string) => string | null;

export declare function isReaderPath(pathname: string): boolean;
export declare function withoutClientRuntime(html: string, readerTag: string, stylesheet?: StylesheetReader): string | null;
export declare function withAbsoluteUrls(css: string, href: string): string;
export declare function buildStylesheets(distDir: string): StylesheetReader;
export declare function readerScriptTag(publicDir: string): string | null;
export declare function createStaticPublicPages(options: { readerTag: string | null; stylesheet?: StylesheetReader; cacheEntries?: number }): (req: IncomingMessage, res: ServerResponse) => void;
