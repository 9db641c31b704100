import { UPLOAD_TOO_LARGE_MESSAGE } from '@/lib/media/limits';

/** What the library shows of an uploaded image (the POST's answer, and the rows the page lists). */
export type UploadedMedia = {
  id: number;
  url: string;
  width: number;
  height: number;
  caption: string;
  alt: string;
  credit: string;
  focalX: number;
  focalY: number;
  variants: { width: number; url: string }[];
};

export type UploadAnswer =
  | { ok: true; media: UploadedMedia }
  | { ok: false; status: number; message: string; retryAfterSeconds: number | null };

const fallbackMessages: Record<number, string> = {
  401: 'Phiên đăng nhập đã hết. Hãy đăng nhập lại rồi tải ảnh lên.',
  413: UPLOAD_TOO_LARGE_MESSAGE,
  429: 'Máy chủ đang bận. Vui lòng thử lại sau ít giây.',
  502: 'Máy chủ tạm thời không trả lời. Vui lòng thử lại sau ít phút.',
  503: 'Máy chủ tạm thời không trả lời. Vui lòng thử lại sau ít phút.',
  504: 'Máy chủ xử lý ảnh quá lâu. Vui lòng thử lại.',
};

/**
 * POSTs one file to /api/admin/media with XMLHttpRequest, the one browser
 * API that reports upload progress (`fetch` reports none). Resolves with the
 * server's answer, its Vietnamese `{message}` on failure (or ours when a
 * proxy answered instead, e.g. nginx's 413 page); rejects only when the
 * connection failed or `signal` aborted it.
 */
export function uploadWithProgress(form: FormData, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/admin/media');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not ours (a proxy's error page): worded below from the status.
      }
      if (xhr.status === 201 && body && typeof body === 'object') return resolve({ ok: true, media: body as UploadedMedia });
      const message = body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : null;
      const retryAfter = Number(xhr.getResponseHeader('Retry-After'));
      resolve({
        ok: false,
        status: xhr.status,
        message: message ?? fallbackMessages[xhr.status] ?? `Không tải được ảnh lên (mã lỗi ${xhr.status}).`,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
