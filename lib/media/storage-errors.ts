import { AppError } from '../http/errors';

/**
 * What an upload answers when the media store could not take the file (the disk is full, the
 * folder is not writable, the S3 store is down): a clear refusal saying nothing was stored,
 * instead of a 500. Pure: it reads the error the storage threw.
 */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EIO', 'EMFILE', 'ENFILE']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

export const STORE_FULL_MESSAGE = 'Máy chủ đã hết chỗ lưu ảnh. Ảnh chưa được lưu; hãy báo quản trị hệ thống.';
export const STORE_UNAVAILABLE_MESSAGE = 'Kho lưu ảnh đang không ghi được. Ảnh chưa được lưu; vui lòng thử lại sau ít phút.';

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The AppError for a failed write to the media store, or null when the failure is not the store's. */
export function mediaStoreFailure(error: unknown): AppError | null {
  if (error instanceof AppError) return null;
  const code = codeOf(error);
  if (code && FULL.has(code)) return new AppError('insufficient_storage', STORE_FULL_MESSAGE);
  if (code && (UNWRITABLE.has(code) || UNREACHABLE.has(code))) return new AppError('service_unavailable', STORE_UNAVAILABLE_MESSAGE);
  // The AWS SDK: a timeout, a network failure, or a 5xx (507 included) from the store.
  const name = (error as { name?: unknown } | null)?.name;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status === 507) return new AppError('insufficient_storage', STORE_FULL_MESSAGE);
  if ((typeof status === 'number' && status >= 500) || name === 'TimeoutError' || name === 'RequestTimeout') {
    return new AppError('service_unavailable', STORE_UNAVAILABLE_MESSAGE);
  }
  return null;
}
