// Generates the portal's icons (run once; the output is committed):
// app/favicon.ico (16, 32 and 48 px PNGs), app/apple-icon.png (180 px) and
// the web app manifest's icons in public/icons (lib/seo/icons.ts lists them).
// The mark is white "LC" drawn as shapes, not text, so no font is needed.
import fs from 'node:fs';
import sharp from 'sharp';

const BRAND = '#0f4c81';
const ACCENT = '#c8102e';

/**
 * The emblem on a 100-unit square. `scale` shrinks the mark around the
 * centre: a maskable icon must keep it inside the middle 80 % circle.
 * `rounded` gives the square corners for icons shown as they are; iOS and
 * maskable icons are cut by the platform and must fill the square.
 */
function emblem({ size, scale = 1, rounded = true }) {
  const arc = (cx, cy, r, from, to) => {
    const rad = (deg) => (deg * Math.PI) / 180;
    const x = (deg) => (cx + r * Math.cos(rad(deg))).toFixed(2);
    const y = (deg) => (cy + r * Math.sin(rad(deg))).toFixed(2);
    return `M ${x(from)} ${y(from)} A ${r} ${r} 0 1 0 ${x(to)} ${y(to)}`;
  };
  const mark = `
    <g transform="translate(50 50) scale(${scale}) translate(-50 -50)">
      <rect x="15" y="21" width="12" height="47" fill="#fff"/>
      <rect x="15" y="57" width="25" height="11" fill="#fff"/>
      <path d="${arc(67, 44.5, 18, -42, 42)}" fill="none" stroke="#fff" stroke-width="11.5" stroke-linecap="butt"/>
      <rect x="15" y="74" width="70" height="5" fill="${ACCENT}"/>
    </g>`;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
    <rect width="100" height="100" rx="${rounded ? 18 : 0}" fill="${BRAND}"/>${mark}
  </svg>`);
}

const png = (options) => sharp(emblem(options)).png({ compressionLevel: 9 }).toBuffer();

/** An ICO holding PNG images (readable by every browser since Windows Vista's format change). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

fs.mkdirSync('public/icons', { recursive: true });
const favicon = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png({ size }) })));
fs.writeFileSync('app/favicon.ico', ico(favicon));
fs.writeFileSync('app/apple-icon.png', await png({ size: 180, rounded: false }));
fs.writeFileSync('public/icons/icon-192.png', await png({ size: 192 }));
fs.writeFileSync('public/icons/icon-512.png', await png({ size: 512 }));
fs.writeFileSync('public/icons/icon-maskable-512.png', await png({ size: 512, scale: 0.78, rounded: false }));
console.log('icons written');
