import { auditActionLabel } from '@/lib/audit-labels';
import { formatDateTimeInputVi } from '@/lib/time';
import { describeAuditDetails, type AuditRelatedNames } from './details';
import { auditTargetOf, type AuditTarget, type AuditTargetInput } from './targets';

/** One line of the audit log as db/queries/audit.ts returns it. */
export type AuditLine = AuditTargetInput & {
  action: string;
  createdAt: Date;
  actorId: number | null;
  actorName: string | null;
  relatedNames: AuditRelatedNames;
};

/** The one reading of a line, for the table and the CSV alike. */
export type AuditLineText = { time: string; actor: string; action: string; target: AuditTarget; details: string };

/** Lines no signed-in person wrote: sign-in attempts, the nightly purge of the trash, the command line. */
export const SYSTEM_ACTOR_NAME = 'Hệ thống';

export function describeAuditLine(line: AuditLine): AuditLineText {
  return {
    // dd/mm/yyyy HH:mm in Vietnam time, whatever the server's zone.
    time: formatDateTimeInputVi(line.createdAt),
    actor: line.actorName ?? (line.actorId === null ? SYSTEM_ACTOR_NAME : 'Tài khoản đã xóa'),
    action: auditActionLabel(line.action),
    target: auditTargetOf(line),
    details: describeAuditDetails(line.action, line.details, line.relatedNames),
  };
}
