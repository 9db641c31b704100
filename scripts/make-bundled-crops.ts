// `npx tsx --conditions=react-server scripts/make-bundled-crops.ts`
// Writes the 16:9, 4:3 and 1:1 crops of every image shipped in public/images
// beside it (`cover-1.jpg` → `cover-1-c16x9.jpg` …), with the crop code the
// server uses for uploads. Run it after adding a bundled image; the output is
// committed (tests/unit/media-crops.test.ts fails while a crop is missing).
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUNDLED_IMAGE_PATTERN, CROP_RATIOS, cropPaths, isBundledCrop } from '../lib/media/crops';
import { cropImage } from '../server/media/crops';

const publicDir = path.resolve('public');

async function bundledImages(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? bundledImages(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

async function main() {
  const sources = (await bundledImages(path.join(publicDir, 'images')))
    .map((file) => `/${path.relative(publicDir, file).split(path.sep).join('/')}`)
    .filter((site) => BUNDLED_IMAGE_PATTERN.test(site) && !isBundledCrop(site));
  for (const site of sources) {
    const data = await fs.readFile(path.join(publicDir, site));
    const targets = cropPaths(site);
    for (const [i, ratio] of CROP_RATIOS.entries()) {
      const crop = await cropImage(data, ratio);
      const target = path.join(publicDir, targets[i]!);
      await fs.writeFile(target, crop.data);
      console.log(`${path.relative(publicDir, target)} ${crop.width}×${crop.height}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
