// Generates the demo cover images shipped in public/images/demo (run once; the output is committed).
import sharp from 'sharp';
import fs from 'node:fs';

const palettes = [
  ['#0f4c81', '#5fa8d3', '#e8f1f8'], ['#2d6a4f', '#95d5b2', '#f1faee'], ['#9d0208', '#f48c06', '#fff3e0'],
  ['#3c096c', '#9d4edd', '#f3e8ff'], ['#1b4332', '#74c69d', '#e9f5db'], ['#264653', '#e9c46a', '#fefae0'],
  ['#5a189a', '#f72585', '#fde2ef'], ['#003049', '#fcbf49', '#eae2b7'], ['#344e41', '#a3b18a', '#dad7cd'],
  ['#6a040f', '#dc2f02', '#ffe5d9'], ['#023e8a', '#00b4d8', '#caf0f8'], ['#283618', '#dda15e', '#fefae0'],
];
fs.mkdirSync('public/images/demo', { recursive: true });
for (const [i, [dark, mid, light]] of palettes.entries()) {
  const seed = i * 37;
  const ridge = (h, amp, phase) =>
    Array.from({ length: 13 }, (_, k) => `${k * 100},${h + Math.round(Math.sin((k + phase + seed) * 0.9) * amp)}`).join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
    <rect width="1200" height="675" fill="url(#sky)"/>
    <circle cx="${200 + ((seed * 7) % 800)}" cy="150" r="70" fill="#fff" opacity="0.7"/>
    <polygon points="0,675 ${ridge(330, 60, 1)} 1200,675" fill="${mid}" opacity="0.8"/>
    <polygon points="0,675 ${ridge(430, 45, 3)} 1200,675" fill="${dark}" opacity="0.75"/>
    <polygon points="0,675 ${ridge(540, 25, 5)} 1200,675" fill="${dark}"/>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 72, mozjpeg: true }).toFile(`public/images/demo/cover-${i + 1}.jpg`);
}
const og = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#0f4c81"/>
  <rect x="0" y="560" width="1200" height="70" fill="#c8102e"/></svg>`;
await sharp(Buffer.from(og)).jpeg({ quality: 80 }).toFile('public/images/og-default.jpg');
console.log('covers written');
