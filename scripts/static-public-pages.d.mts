import type { IncomingMessage, ServerResponse } from 'node:http';

export declare function isReaderPath(pathname: string): boolean;
export declare function withoutClientRuntime(html: string, readerTag: string): string | null;
export declare function readerScriptTag(publicDir: string): string | null;
export declare function createStaticPublicPages(options: { readerTag: string | null; cacheEntries?: number }): (req: IncomingMessage, res: ServerResponse) => void;
