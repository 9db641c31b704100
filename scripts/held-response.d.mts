import type { ServerResponse } from 'node:http';

export declare function holdResponseBody(
  res: ServerResponse,
  options: { hold: (statusCode: number) => boolean; finish: (body: Buffer) => Buffer; maxBytes?: number },
): void;
