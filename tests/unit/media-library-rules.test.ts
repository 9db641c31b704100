import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// Installs the Vietnamese messages for the checks a schema does not word itself, as every route and action does.
import '@/lib/http/errors';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES, MEDIA_CAPTION_MAX, MEDIA_CREDIT_MAX } from '@/lib/media/limits';
import { canDeleteMedia, canEditMedia } from '@/lib/media/permissions';
import { deleteMediaInput, updateMediaInput, uploadFieldsSchema } from '@/lib/validation/media';

const root = path.resolve(__dirname, '../..');
const journalist = { id: 7, role: 'journalist' as const };
const otherJournalist = { id: 8, role: 'journalist' as const };
const moderator = { id: 9, role: 'moderator' as const };
const admin = { id: 10, role: 'admin' as const };
const input = { mediaId: 3, caption: 'Chợ phiên Bắc Hà', alt: 'Người dân mua bán ở chợ', credit: 'Lâm Tú', focalX: 0.4, focalY: 0.6 };

describe('who may change the library', () => {
  it('lets the uploader and every editor edit an image, and no other journalist', () => {
    const mine = { uploadedBy: journalist.id };
    expect(canEditMedia(journalist, mine)).toBe(true);
    expect(canEditMedia(otherJournalist, mine)).toBe(false);
    expect(canEditMedia(moderator, mine)).toBe(true);
    expect(canEditMedia(admin, mine)).toBe(true);
    // An image whose uploader's account is gone: editors only.
    expect(canEditMedia(journalist, { uploadedBy: null })).toBe(false);
    expect(canEditMedia(moderator, { uploadedBy: null })).toBe(true);
  });

  it('lets only editors delete (whether the image is in use is checked by the use case)', () => {
    expect(canDeleteMedia(journalist)).toBe(false);
    expect(canDeleteMedia(moderator)).toBe(true);
    expect(canDeleteMedia(admin)).toBe(true);
  });
});

describe("an image's words and focal point at the boundary", () => {
  it('keeps them as one line of plain text, in NFC, markup included as text', () => {
    const parsed = updateMediaInput.parse({
      ...input,
      caption: '  Chợ phiên\n\tBắc Hà  ',
      alt: '<b>Người dân</b> mua bán',
      credit: 'Ảnh: Lâm Tú',
    });
    expect(parsed.caption).toBe('Chợ phiên Bắc Hà');
    expect(parsed.alt).toBe('<b>Người dân</b> mua bán');
    // The page writes "Ảnh: " itself.
    expect(parsed.credit).toBe('Lâm Tú');
    expect(updateMediaInput.parse({ ...input, credit: 'nguồn: TTXVN' }).credit).toBe('TTXVN');
    const decomposed = 'Lâm Tú'.normalize('NFD');
    expect(updateMediaInput.parse({ ...input, credit: decomposed }).credit).toBe('Lâm Tú'.normalize('NFC'));
  });

  it('refuses control characters and text over its limit, in Vietnamese', () => {
    const long = updateMediaInput.safeParse({ ...input, caption: 'a'.repeat(MEDIA_CAPTION_MAX + 1) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe(`Chú thích tối đa ${MEDIA_CAPTION_MAX} ký tự.`);
    expect(updateMediaInput.safeParse({ ...input, credit: 'b'.repeat(MEDIA_CREDIT_MAX + 1) }).error?.issues[0]?.message).toBe(`Nguồn ảnh tối đa ${MEDIA_CREDIT_MAX} ký tự.`);
    expect(updateMediaInput.safeParse({ ...input, alt: 'a\u0000b' }).error?.issues[0]?.message).toBe('Mô tả ảnh không được chứa ký tự điều khiển.');
  });

  it('takes the focal point as fractions 0–1 (numbers or their text), kept to the thousandth', () => {
    expect(updateMediaInput.parse({ ...input, focalX: '0.12345', focalY: 1 })).toMatchObject({ focalX: 0.123, focalY: 1 });
    for (const bad of [-0.01, 1.2, '', 'giữa', Number.NaN, null]) {
      const result = updateMediaInput.safeParse({ ...input, focalX: bad });
      expect(result.success, String(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/điểm lấy nét/);
    }
  });

  it('refuses extra keys and a malformed id', () => {
    expect(updateMediaInput.safeParse({ ...input, uploadedBy: 1 }).success).toBe(false);
    expect(updateMediaInput.safeParse({ ...input, storageKey: 'x' }).success).toBe(false);
    expect(deleteMediaInput.safeParse({ mediaId: 3, role: 'admin' }).success).toBe(false);
    for (const mediaId of ['0', '1e3', ' 4', '-2', 2.5, '99999999999']) expect(deleteMediaInput.safeParse({ mediaId }).success, String(mediaId)).toBe(false);
    expect(deleteMediaInput.parse({ mediaId: '42' })).toEqual({ mediaId: 42 });
  });

  it('answers every failing input in Vietnamese, never zod’s English', () => {
    const english = /\b(expected|received|invalid input|too (big|small)|unrecognized|must|string|characters)\b/i;
    for (const value of [{}, { mediaId: 'x' }, { ...input, caption: 5 }, { ...input, focalY: undefined }, { ...input, id: 1 }, null, 'chuỗi']) {
      const parsed = updateMediaInput.safeParse(value);
      expect(parsed.success).toBe(false);
      for (const issue of parsed.error!.issues) expect(issue.message, JSON.stringify(value)).not.toMatch(english);
    }
    for (const issue of deleteMediaInput.safeParse({ mediaId: 'abc', extra: 1 }).error!.issues) expect(issue.message).not.toMatch(english);
  });

  it('lets an upload leave its words out', () => {
    expect(uploadFieldsSchema.parse({})).toEqual({ caption: '', alt: '', credit: '' });
    expect(uploadFieldsSchema.parse({ credit: ' Ảnh:  Lâm  Tú ' })).toEqual({ caption: '', alt: '', credit: 'Lâm Tú' });
  });
});

describe('a 40 MB upload gets through every layer', () => {
  it('is let through by nginx on the upload route, exactly the request size the route accepts', () => {
    const conf = fs.readFileSync(path.join(root, 'deploy/nginx/toa-soan.conf'), 'utf8');
    const block = /location = \/api\/admin\/media \{([^}]*)\}/.exec(conf)?.[1];
    expect(block, 'deploy/nginx/toa-soan.conf has a location for the upload route').toBeDefined();
    const limit = /client_max_body_size (\d+)m;/.exec(block!)?.[1];
    expect(Number(limit) * 1024 * 1024).toBe(MAX_UPLOAD_REQUEST_BYTES);
    expect(MAX_UPLOAD_REQUEST_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(MAX_UPLOAD_BYTES).toBe(40 * 1024 * 1024);
  });

  it('never passes through proxy.ts, which would cut a request body at 10 MB (proxyClientMaxBodySize)', () => {
    const proxy = fs.readFileSync(path.join(root, 'proxy.ts'), 'utf8');
    const matcher = /matcher:\s*\[([^\]]*)\]/.exec(proxy)?.[1];
    expect(matcher).toBeDefined();
    const paths = [...matcher!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p.startsWith('/api'), p).toBe(false);
  });
});
