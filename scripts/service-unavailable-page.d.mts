import type { IncomingMessage, ServerResponse } from 'node:http';
export declare const SERVICE_UNAVAILABLE_HTML: string;
export declare function replaceServerErrorDuringOutage(req: IncomingMessage, res: ServerResponse, isOutage: () => boolean): void;
