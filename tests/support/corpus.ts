import fs from 'node:fs';
import path from 'node:path';

/** Decodes exactly the corpus's three escape forms: \xHH, \uHHHH, \UHHHHHHHH. */
export function decodeCorpusLine(line: string): string {
  return line.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex.slice(1), 16)));
}

/** Non-comment lines of a corpus file in tests/fixtures, decoded. */
export function loadCorpus(name: 'sqli-and-bad-input.txt' | 'xss-payloads.txt'): string[] {
  const file = path.join(__dirname, '..', 'fixtures', name);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map(decodeCorpusLine);
}
