import { toCsv } from '@/lib/csv';
import { localDay } from '@/lib/time';
import { describeAuditLine, type AuditLine } from './line';

export const AUDIT_CSV_HEADER = ['Thời gian', 'Người thực hiện', 'Hành động', 'Đối tượng', 'Chi tiết'] as const;

/** The audit lines as the "Tải CSV" file: the same words as the table, one line per row. */
export function auditLogCsv(lines: readonly AuditLine[]): string {
  return toCsv([
    AUDIT_CSV_HEADER,
    ...lines.map((line) => {
      const text = describeAuditLine(line);
      return [text.time, text.actor, text.action, text.target.label, text.details];
    }),
  ]);
}

/** `nhat-ky-20261205.csv`, named after the Vietnam day it was downloaded. */
export function auditLogCsvFileName(now: Date): string {
  return `nhat-ky-${localDay(now).replace(/-/g, '')}.csv`;
}
