import type { IncomingMessage, ServerResponse } from 'node:http';

export declare function holdResponseBody(
  res: ServerResponse,
  options: { hold: (statusCode: number) => boolean; finish: (body: Buffer) => Buffer; maxBytes?: number },
): void;
export declare function isRouterRequest(req: Pick<IncomingMessage, 'headers' | 'url'>): boolean;
export declare function isPlainHtml(res: ServerResponse): boolean;
export declare class BoundedMap<K, V> {
  constructor(limit: number);
  readonly size: number;
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
}
