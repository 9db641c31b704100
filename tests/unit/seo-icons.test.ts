import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import manifest from '@/app/manifest';
import { MANIFEST_ICONS, PORTAL_LOGO } from '@/lib/seo/icons';

/** The images of an ICO file: its directory, and each entry's bytes. */
function readIco(buf: Buffer) {
  expect(buf.readUInt16LE(0)).toBe(0);
  expect(buf.readUInt16LE(2)).toBe(1);
  return Array.from({ length: buf.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = buf.readUInt8(entry) || 256;
    const length = buf.readUInt32LE(entry + 8);
    const offset = buf.readUInt32LE(entry + 12);
    return { size, data: buf.subarray(offset, offset + length) };
  });
}

describe('icons', () => {
  it('ships a real favicon.ico holding 16, 32 and 48 px images of the sizes its directory claims', async () => {
    const images = readIco(fs.readFileSync(path.resolve('app/favicon.ico')));
    expect(images.map((i) => i.size)).toEqual([16, 32, 48]);
    for (const image of images) {
      const meta = await sharp(image.data).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', image.size, image.size]);
    }
  });

  it('ships a 180 px apple-touch icon', async () => {
    const meta = await sharp(path.resolve('app/apple-icon.png')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 180, 180]);
  });

  it('declares manifest icons that exist at the sizes declared, 192 and 512 among them', async () => {
    const declared = manifest().icons ?? [];
    expect(declared.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of declared) {
      const meta = await sharp(path.join(path.resolve('public'), icon.src)).metadata();
      expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
      expect(`image/${meta.format}`).toBe(icon.type);
    }
    const logo = await sharp(path.join(path.resolve('public'), PORTAL_LOGO.path)).metadata();
    expect([logo.width, logo.height]).toEqual([PORTAL_LOGO.width, PORTAL_LOGO.height]);
    expect(MANIFEST_ICONS.some((i) => i.purpose === 'maskable')).toBe(true);
  });

  it('names the portal and its brand colour in the manifest', () => {
    const m = manifest();
    expect(m.name).toBe('Cổng thông tin điện tử Thành phố Lào Cai');
    expect(Array.from(m.short_name ?? '').length).toBeLessThanOrEqual(12);
    expect(m.theme_color).toBe('#0f4c81');
    expect(m.start_url).toBe('/');
  });
});
