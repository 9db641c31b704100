import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BUNDLED_IMAGE_PATTERN, CENTRE, CROP_RATIOS, cropKeysOf, cropPaths, cropRect, cropSize, focalPermille, isBundledCrop, parseCropKey, sameFocalPoint } from '@/lib/media/crops';
import { MEDIA_KEY_PATTERN, mediaKeyOfUrl, mediaStemOf } from '@/lib/media/keys';

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

  describe('the crop rectangle around a focal point', () => {
    it('is the largest rectangle of the ratio, the same size cropSize scales down', () => {
      for (const ratio of CROP_RATIOS) {
        const rect = cropRect(2560, 1707, ratio, CENTRE);
        const scaled = cropSize(2560, 1707, ratio);
        expect(rect.width / rect.height).toBeCloseTo(scaled.width / scaled.height, 2);
      }
      expect(cropRect(2560, 1707, '16x9', CENTRE)).toMatchObject({ width: 2560, height: 1440 });
      expect(cropRect(2560, 1707, '4x3', CENTRE)).toMatchObject({ width: 2276, height: 1707 });
      expect(cropRect(2560, 1707, '1x1', CENTRE)).toMatchObject({ width: 1707, height: 1707 });
    });

    it('centres the crop on the point', () => {
      // 1707 wide crop, point at 30 % of 2560 = 768: left edge 768 − 853.5, rounded.
      expect(cropRect(2560, 1707, '1x1', { x: 0.3, y: 0.5 })).toEqual({ left: 0, top: 0, width: 1707, height: 1707 });
      expect(cropRect(2560, 1707, '1x1', { x: 0.5, y: 0.5 })).toEqual({ left: 427, top: 0, width: 1707, height: 1707 });
      expect(cropRect(2560, 1707, '1x1', { x: 0.6, y: 0.2 })).toEqual({ left: 683, top: 0, width: 1707, height: 1707 });
      // A portrait image: the square moves up and down with the point.
      expect(cropRect(1000, 2000, '1x1', { x: 0.5, y: 0.5 })).toEqual({ left: 0, top: 500, width: 1000, height: 1000 });
      expect(cropRect(1000, 2000, '1x1', { x: 0.5, y: 0.4 })).toEqual({ left: 0, top: 300, width: 1000, height: 1000 });
    });

    it('stays inside the image when the point is near or on an edge', () => {
      expect(cropRect(2560, 1707, '1x1', { x: 0, y: 0 })).toEqual({ left: 0, top: 0, width: 1707, height: 1707 });
      expect(cropRect(2560, 1707, '1x1', { x: 1, y: 1 })).toEqual({ left: 853, top: 0, width: 1707, height: 1707 });
      expect(cropRect(2560, 1707, '1x1', { x: 0.95, y: 0.5 })).toEqual({ left: 853, top: 0, width: 1707, height: 1707 });
      expect(cropRect(1000, 2000, '16x9', { x: 0.5, y: 1 })).toEqual({ left: 0, top: 1437, width: 1000, height: 563 });
      expect(cropRect(1000, 2000, '16x9', { x: 0.5, y: 0.01 })).toEqual({ left: 0, top: 0, width: 1000, height: 563 });
    });

    it('cannot move along the side the crop spans whole', () => {
      // A 16:9 image's 16:9 crop is the whole image wherever the point is.
      for (const focal of [CENTRE, { x: 0, y: 0 }, { x: 1, y: 1 }, { x: 0.2, y: 0.9 }]) {
        expect(cropRect(1600, 900, '16x9', focal)).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
      }
    });

    it('never leaves the image, whatever the size and the point', () => {
      for (const [width, height] of [[1, 1], [2, 1], [1, 3], [7, 5], [100, 3], [3, 100], [2560, 1707], [1707, 2560], [2560, 2560]] as const) {
        for (const ratio of CROP_RATIOS) {
          for (const x of [0, 0.001, 0.25, 0.5, 0.999, 1]) {
            for (const y of [0, 0.5, 1]) {
              const r = cropRect(width, height, ratio, { x, y });
              expect(r.width).toBeGreaterThanOrEqual(1);
              expect(r.height).toBeGreaterThanOrEqual(1);
              expect(r.left).toBeGreaterThanOrEqual(0);
              expect(r.top).toBeGreaterThanOrEqual(0);
              expect(r.left + r.width, `${width}×${height} ${ratio} ${x},${y}`).toBeLessThanOrEqual(width);
              expect(r.top + r.height, `${width}×${height} ${ratio} ${x},${y}`).toBeLessThanOrEqual(height);
            }
          }
        }
      }
    });

    it('treats a point outside 0–1, or not a number, as the nearest edge or the centre', () => {
      expect(cropRect(2560, 1707, '1x1', { x: -3, y: 9 })).toEqual(cropRect(2560, 1707, '1x1', { x: 0, y: 1 }));
      expect(cropRect(2560, 1707, '1x1', { x: Number.NaN, y: Number.POSITIVE_INFINITY })).toEqual(cropRect(2560, 1707, '1x1', CENTRE));
    });
  });

  describe('crop names with a focal point', () => {
    it('writes the point in thousandths, so moving it gives new names', () => {
      expect(cropKeysOf(original, { x: 0.5, y: 0.37 })).toEqual(CROP_RATIOS.map((r) => `2026/11/0123456789abcdef0123456789abcdef-c${r}-f500-370.png`));
      expect(cropKeysOf(original, { x: 0, y: 1 })[0]).toBe('2026/11/0123456789abcdef0123456789abcdef-c16x9-f000-999.png');
      expect(cropPaths(`/media/${original}`, { x: 0.5, y: 0.5 })[2]).toBe('/media/2026/11/0123456789abcdef0123456789abcdef-c1x1-f500-500.png');
      expect(cropPaths(`/media/${original}`, { x: 0.5, y: 0.5 })).not.toEqual(cropPaths(`/media/${original}`, { x: 0.6, y: 0.5 }));
      expect([focalPermille(0.1234), focalPermille(0.9996), focalPermille(-1)]).toEqual([123, 999, 0]);
      expect(sameFocalPoint({ x: 0.5, y: 0.5 }, { x: 0.5004, y: 0.4996 })).toBe(true);
      expect(sameFocalPoint({ x: 0.5, y: 0.5 }, { x: 0.501, y: 0.5 })).toBe(false);
    });

    it('reads the point back from the name, and the name is a media key', () => {
      for (const key of cropKeysOf(original, { x: 0.25, y: 0.8 })) {
        expect(MEDIA_KEY_PATTERN.test(key), key).toBe(true);
        expect(parseCropKey(key)).toEqual({ sourceKey: original, ratio: expect.any(String), focal: { x: 0.25, y: 0.8 } });
      }
      expect(parseCropKey('2026/11/0123456789abcdef0123456789abcdef-c1x1.png')).toEqual({ sourceKey: original, ratio: '1x1' });
    });

    it('allows no other spelling of a point', () => {
      for (const key of [
        '2026/11/0123456789abcdef0123456789abcdef-c1x1-f50-370.png',
        '2026/11/0123456789abcdef0123456789abcdef-c1x1-f5000-370.png',
        '2026/11/0123456789abcdef0123456789abcdef-f500-370.png',
        '2026/11/0123456789abcdef0123456789abcdef-w480-c1x1-f500-370.png',
        '2026/11/0123456789abcdef0123456789abcdef-c1x1-f500-370-f500-370.png',
      ]) {
        expect(MEDIA_KEY_PATTERN.test(key) && parseCropKey(key) !== null, key).toBe(false);
      }
    });

    it('keeps the bundled images on their one set of crops', () => {
      expect(cropPaths('/images/og-default.jpg', { x: 0.1, y: 0.1 })).toEqual(cropPaths('/images/og-default.jpg'));
    });

    it('shares one stem between an upload and every file made from it', () => {
      expect(mediaStemOf(original)).toBe('2026/11/0123456789abcdef0123456789abcdef');
    });
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
