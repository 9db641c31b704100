import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BUNDLED_IMAGE_PATTERN, CROP_RATIOS, cropPaths, cropSize, isBundledCrop, parseCropKey } from '@/lib/media/crops';
import { MEDIA_KEY_PATTERN, mediaKeyOfUrl } from '@/lib/media/keys';

const original = '2026/11/0123456789abcdef0123456789abcdef.png';

describe('image crops', () => {
  it('takes the largest rectangle of each ratio, at most 1200 px wide, never enlarged', () => {
    expect(cropSize(2400, 1600, '16x9')).toEqual({ width: 1200, height: 675 });
    expect(cropSize(2400, 1600, '4x3')).toEqual({ width: 1200, height: 900 });
    expect(cropSize(2400, 1600, '1x1')).toEqual({ width: 1200, height: 1200 });
    // A small or tall source limits the crop instead.
    expect(cropSize(800, 600, '16x9')).toEqual({ width: 800, height: 450 });
    expect(cropSize(800, 600, '1x1')).toEqual({ width: 600, height: 600 });
    expect(cropSize(600, 2000, '4x3')).toEqual({ width: 600, height: 450 });
  });

  it("names an upload's crops after it, and reads the name back", () => {
    const paths = cropPaths(`/media/${original}`);
    expect(paths).toEqual(CROP_RATIOS.map((r) => `/media/2026/11/0123456789abcdef0123456789abcdef-c${r}.png`));
    for (const [i, p] of paths.entries()) {
      const key = mediaKeyOfUrl(p)!;
      expect(MEDIA_KEY_PATTERN.test(key)).toBe(true);
      expect(parseCropKey(key)).toEqual({ sourceKey: original, ratio: CROP_RATIOS[i] });
    }
  });

  it('has crops only of originals, only in the three ratios', () => {
    expect(parseCropKey(original)).toBeNull();
    expect(parseCropKey('2026/11/0123456789abcdef0123456789abcdef-w480-c1x1.png')).toBeNull();
    expect(parseCropKey('2026/11/0123456789abcdef0123456789abcdef-c1x1-c1x1.png')).toBeNull();
    expect(parseCropKey('2026/11/0123456789abcdef0123456789abcdef-c5x4.png')).toBeNull();
    expect(MEDIA_KEY_PATTERN.test('2026/11/0123456789abcdef0123456789abcdef-c5x4.png')).toBe(false);
    expect(cropPaths('/media/2026/11/0123456789abcdef0123456789abcdef-w480.png')).toEqual(['/media/2026/11/0123456789abcdef0123456789abcdef-w480.png']);
    expect(cropPaths('https://example.com/a.jpg')).toEqual(['https://example.com/a.jpg']);
  });

  it('ships every bundled image with its three crops, of the size the crop rule gives', async () => {
    const publicDir = path.resolve('public');
    const files = fs.readdirSync(path.join(publicDir, 'images'), { recursive: true, encoding: 'utf8' }).map((f) => `/images/${f.split(path.sep).join('/')}`);
    const sources = files.filter((f) => BUNDLED_IMAGE_PATTERN.test(f) && !isBundledCrop(f));
    expect(sources).toContain('/images/og-default.jpg');
    for (const source of sources) {
      const meta = await sharp(path.join(publicDir, source)).metadata();
      for (const [i, crop] of cropPaths(source).entries()) {
        const file = path.join(publicDir, crop);
        expect(fs.existsSync(file), `${crop} is missing: run scripts/make-bundled-crops.ts`).toBe(true);
        const size = await sharp(file).metadata();
        expect({ width: size.width, height: size.height }, crop).toEqual(cropSize(meta.width, meta.height, CROP_RATIOS[i]!));
      }
    }
  });
});
