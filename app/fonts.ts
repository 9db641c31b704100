import localFont from 'next/font/local';

// Noto Sans/Serif (OFL), self-hosted: the build has no access to Google Fonts. Loaded on the
// newsroom's screens (app/(admin)/admin/layout.tsx); readers' pages use the system's fonts (app/layout.tsx).
// Each subset is its own face with its unicode-range, so Vietnamese glyphs
// (ă, đ, ơ, ư, ệ …) load only where needed and never fall back to a system font.
// next/font options must be literals, hence the repeated ranges.
// None is preloaded, and each is `optional`: on a phone's connection the four files (~105 KB)
// shared the line with the stylesheet and delayed the first paint, and a late swap redrew
// every line of text. Now the text paints at once; a face that is not there within the
// browser's short block period is not swapped in for this page view (the system font, sized
// by adjustFontFallback, stays) and is there from the cache on the next one.

export const sansVietnamese = localFont({
  src: './fonts/noto-sans-vietnamese-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-sans-vi',
  display: 'optional',
  preload: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB' }],
});
export const sansLatin = localFont({
  src: './fonts/noto-sans-latin-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-sans-latin',
  display: 'optional',
  preload: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' }],
});
export const serifVietnamese = localFont({
  src: './fonts/noto-serif-vietnamese-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-serif-vi',
  display: 'optional',
  preload: false,
  adjustFontFallback: 'Times New Roman',
  declarations: [{ prop: 'unicode-range', value: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB' }],
});
export const serifLatin = localFont({
  src: './fonts/noto-serif-latin-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-serif-latin',
  display: 'optional',
  preload: false,
  adjustFontFallback: 'Times New Roman',
  declarations: [{ prop: 'unicode-range', value: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' }],
});

export const fontVariables = [sansVietnamese, sansLatin, serifVietnamese, serifLatin].map((f) => f.variable).join(' ');
