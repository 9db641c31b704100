import type { IncomingMessage, ServerResponse } from 'node:http';

export declare function readPrerenderedNotFound(distDir: string): Buffer | null;
export declare function isErrorShell(body: Buffer): boolean;
export declare function replaceErrorShellOn404(req: IncomingMessage, res: ServerResponse, notFoundHtml: Buffer | null): void;
