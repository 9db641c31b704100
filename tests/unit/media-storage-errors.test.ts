import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AppError, toErrorResponse } from '@/lib/http/errors';
import { mediaStoreFailure, STORE_FULL_MESSAGE } from '@/lib/media/storage-errors';

const failureOf = async (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => error);

describe('mediaStoreFailure', () => {
  it('a full disk (the kernel’s own ENOSPC, from /dev/full) is a 507 saying nothing was stored', async () => {
    const enospc = await failureOf(() => fs.writeFile('/dev/full', Buffer.alloc(1024)));
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC');
    const refusal = mediaStoreFailure(enospc)!;
    expect(refusal.code).toBe('insufficient_storage');
    const response = toErrorResponse(refusal);
    expect(response.status).toBe(507);
    expect(await response.json()).toEqual({ code: 'insufficient_storage', message: STORE_FULL_MESSAGE });
  });

  it('an unwritable folder or an unreachable store is a 503', async () => {
    const enotdir = await failureOf(() => fs.writeFile('/dev/null/anh.webp', 'x'));
    expect(mediaStoreFailure(enotdir)?.code).toBe('service_unavailable');
    expect(mediaStoreFailure(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))?.code).toBe('service_unavailable');
    expect(mediaStoreFailure(Object.assign(new Error('x'), { name: 'TimeoutError' }))?.code).toBe('service_unavailable');
    expect(mediaStoreFailure(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } }))?.code).toBe('service_unavailable');
    expect(mediaStoreFailure(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 507 } }))?.code).toBe('insufficient_storage');
  });

  it('leaves other failures (our own refusals, bugs, a 4xx from the store) to their own handling', () => {
    expect(mediaStoreFailure(new AppError('validation_failed', 'x'))).toBeNull();
    expect(mediaStoreFailure(new Error('bug'))).toBeNull();
    expect(mediaStoreFailure(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 403 } }))).toBeNull();
  });
});
