/**
 * CSV as Excel and LibreOffice open it (RFC 4180): comma-separated, CRLF line
 * ends, a UTF-8 byte order mark first (without it Excel reads UTF-8 as the
 * Windows code page and Vietnamese letters come out garbled).
 */

export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), +cmd|…, @SUM…).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** One cell: text that starts like a formula defused with a leading `'` (OWASP "CSV injection"), quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A number is not a formula: -5 stays a number. Text is what can carry one.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, then each row on its own CRLF-terminated line. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
