import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
export declare const REDACTED_KEYS: string[];
export declare function censored<T>(value: T, depth?: number): T;
type Logger = Record<'debug' | 'info' | 'warn' | 'error', (fields: object, message?: string) => void>;
export declare function createLogger(env?: Record<string, string | undefined>, destination?: Pick<Writable, 'write'>): Logger;
export declare function createMetrics(): { registry: { metrics(): Promise<string>; contentType: string } } & Record<string, unknown>;
export declare function createRequestObserver(deps: { logger: Logger; metrics: ReturnType<typeof createMetrics> }): (
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
) => void;
