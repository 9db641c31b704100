import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layers, enforced (README "Cấu trúc"): lib/ is pure and knows neither
// the database nor the server services; db/ reads and writes rows and knows
// no service, page, component or content rendering. Type-only imports from
// db/ are allowed (they vanish at run time); lib/ imports nothing at all
// from server/, app/ or components/.
const pattern = (group, message) => ({ group, message, allowTypeImports: true });
const outsideLib = (...folders) =>
  folders.flatMap((folder) => [`@/${folder}`, `@/${folder}/**`, `**/../${folder}`, `**/../${folder}/**`]);

const libMustStayPure = [
  pattern(outsideLib('db'), 'lib/ chỉ chứa module thuần: không import db/ (chỉ được import kiểu dữ liệu); đặt mã có I/O vào server/.'),
  {
    group: outsideLib('server', 'app', 'components'),
    message: 'lib/ chỉ chứa module thuần: không import server/, app/ hay components/, kể cả kiểu dữ liệu.',
  },
];
const dbKnowsOnlyRows = pattern(
  [...outsideLib('server', 'app', 'components'), '@/lib/content', '@/lib/content/**', '**/lib/content', '**/lib/content/**'],
  'db/ chỉ đọc và ghi dòng dữ liệu: không import server/, app/, components/ hay lib/content (render, lọc HTML).',
);

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  { files: ['lib/**/*.{ts,tsx,mts,mjs}'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: libMustStayPure }] } },
  { files: ['db/**/*.{ts,tsx,mts,mjs}'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [dbKnowsOnlyRows] }] } },
];

export default config;
