import { describe, expect, it } from 'vitest';
import { HEADLINE_MAX, META_DESCRIPTION_MAX, truncateAtWord } from '@/lib/seo/truncate';

const length = (s: string) => Array.from(s).length;

describe('cutting text at a word', () => {
  it('leaves a text that fits as it is, on one line', () => {
    expect(truncateAtWord('  Lễ hội\n đền   Thượng  ', 160)).toBe('Lễ hội đền Thượng');
    expect(truncateAtWord('a'.repeat(160), 160)).toBe('a'.repeat(160));
  });

  it('cuts a longer text after the last whole word and counts the ellipsis', () => {
    const text = 'Thành phố Lào Cai đẩy mạnh chuyển đổi số trong cải cách hành chính';
    const cut = truncateAtWord(text, 30);
    expect(cut).toBe('Thành phố Lào Cai đẩy mạnh…');
    expect(length(cut)).toBeLessThanOrEqual(30);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it('keeps the last word whole when the limit falls just after it', () => {
    // "một hai ba" is 10 characters; the 11th is the space before "bốn".
    expect(truncateAtWord('một hai ba bốn', 11)).toBe('một hai ba…');
  });

  it('drops a comma or dash left dangling before the ellipsis', () => {
    expect(truncateAtWord('Sa Pa, Bát Xát, Bảo Thắng và Văn Bàn', 16)).toBe('Sa Pa, Bát Xát…');
    expect(truncateAtWord('Tin mới – Sự kiện nổi bật trong tuần', 10)).toBe('Tin mới…');
  });

  it('cuts inside a word only when one word is longer than the limit', () => {
    expect(truncateAtWord('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('counts a decomposed diacritic once and never splits an emoji', () => {
    const decomposed = 'Le\u0302\u0303 ho\u0323\u0302i'; // "Lễ hội" typed with combining marks
    expect(truncateAtWord(decomposed, 6)).toBe('Lễ hội');
    expect(truncateAtWord('🎉🎉🎉🎉 chúc mừng', 5)).toBe('🎉🎉🎉🎉…');
  });

  it('meets the description and headline limits on a long Vietnamese text', () => {
    const sapo = 'Sau 2 năm thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy, thành phố Lào Cai đã đạt được nhiều kết quả tích cực trong phát triển kinh tế – xã hội, bảo đảm quốc phòng, an ninh và nâng cao đời sống nhân dân.';
    const description = truncateAtWord(sapo, META_DESCRIPTION_MAX);
    const headline = truncateAtWord(sapo, HEADLINE_MAX);
    expect(length(description)).toBeLessThanOrEqual(160);
    expect(length(headline)).toBeLessThanOrEqual(110);
    for (const cut of [description, headline]) {
      expect(cut.endsWith('…')).toBe(true);
      const words = cut.slice(0, -1).split(' ');
      // Every word of the cut is a whole word of the text.
      for (const word of words) expect(sapo.split(' ')).toContain(word);
    }
  });
});
