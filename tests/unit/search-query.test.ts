import { describe, expect, it } from 'vitest';
import { foldVietnamese, MAX_SEARCH_QUERY_LENGTH, normalizeSearchQuery, searchQueryShape } from '@/lib/search-query';
import { searchParamsSchema } from '@/lib/validation/search';
import { loadCorpus } from '../support/corpus';

describe('normalizeSearchQuery', () => {
  it('trims and collapses whitespace', () => {
    expect(normalizeSearchQuery('   Lào    Cai \n\t ')).toBe('Lào Cai');
  });
  it('composes decomposed Vietnamese (NFD → NFC)', () => {
    expect(normalizeSearchQuery('Lào Cai'.normalize('NFD'))).toBe('Lào Cai'.normalize('NFC'));
  });
  it('removes NUL, control and zero-width characters', () => {
    expect(normalizeSearchQuery('lao\u0000cai\u200b\u202e')).toBe('lao cai');
  });
  it('replaces lone surrogates', () => {
    expect(normalizeSearchQuery('a\ud800b')).toBe('a b');
  });
  it('bounds the length', () => {
    expect(normalizeSearchQuery('x'.repeat(5000)).length).toBe(MAX_SEARCH_QUERY_LENGTH);
  });
  it('never returns a string Postgres would reject, for every corpus line', () => {
    for (const line of loadCorpus('sqli-and-bad-input.txt')) {
      const q = normalizeSearchQuery(line);
      expect(q).not.toMatch(/\u0000/);
      expect(q.isWellFormed()).toBe(true);
      expect(q.length).toBeLessThanOrEqual(MAX_SEARCH_QUERY_LENGTH);
    }
  });
});

describe('foldVietnamese', () => {
  it('matches the forms readers type', () => {
    expect(foldVietnamese('Lào Cai')).toBe('lao cai');
    expect(foldVietnamese('ĐƯỜNG về Tả Phời')).toBe('duong ve ta phoi');
  });
});

describe('searchParamsSchema', () => {
  it('defaults to an empty query on page 1', () => {
    expect(searchParamsSchema.parse({})).toEqual({ q: '', page: 1 });
  });
  it('rejects a page that is not a positive integer', () => {
    expect(searchParamsSchema.safeParse({ q: 'a', page: '-1' }).success).toBe(false);
    expect(searchParamsSchema.safeParse({ q: 'a', page: "1' OR 1=1" }).success).toBe(false);
  });
  it('takes the first of repeated parameters', () => {
    expect(searchParamsSchema.parse({ q: ['lao cai', 'x'], page: ['2'] })).toEqual({ q: 'lao cai', page: 2 });
  });
});

describe('searchQueryShape', () => {
  it('gives every word in order as the headline phrase, without quotes and folded', () => {
    expect(searchQueryShape('Lào Cai')).toEqual({ phrase: 'lao cai', excludes: false, quoted: false });
    expect(searchQueryShape('"chỉ thị 05" lào cai')).toEqual({ phrase: 'chi thi 05 lao cai', excludes: false, quoted: true });
  });
  it('has no phrase for one word, for `or`, or for an excluded word', () => {
    expect(searchQueryShape('sapa').phrase).toBeNull();
    expect(searchQueryShape('lao or cai').phrase).toBeNull();
    expect(searchQueryShape('lao OR cai').phrase).toBeNull();
    expect(searchQueryShape('lao cai -sapa').phrase).toBeNull();
  });
  it('sees an excluded word the way websearch_to_tsquery does, and not a hyphen inside a word', () => {
    for (const q of ['lao -cai', '-lao cai', 'lao - cai', 'lao (-cai)', 'lao -"cai x"']) expect(searchQueryShape(q).excludes, q).toBe(true);
    for (const q of ['covid-19', 'lao cai', '"lao -cai"', 'lào-cai']) expect(searchQueryShape(q).excludes, q).toBe(false);
  });
  it('reads `or` and `-` inside quotes as text', () => {
    expect(searchQueryShape('"lao or cai"')).toEqual({ phrase: 'lao or cai', excludes: false, quoted: true });
  });
  it('counts only quotes around a word as a quoted phrase', () => {
    expect(searchQueryShape('lao "" cai').quoted).toBe(false);
    expect(searchQueryShape('"lao cai').quoted).toBe(false);
  });
});
