import type { ServerResponse } from 'node:http';

export function keepSingleLocation(res: ServerResponse): void;
