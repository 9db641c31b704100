// No `server-only`: the email job (server/jobs/notification-emails.ts) runs it from instrumentation too.
import type { Executor } from '../../db/client';
import { claimUnsentEmails, portalNameForEmail } from '../../db/queries/notification-outbox';
import { notificationEmail } from '../../lib/notifications';
import { siteUrl } from '../../lib/site-url';
import { smtpMailer, type Mailer } from './mailer';

const BATCH = 20;
let warnedNoSmtp = false;

export type SendReport = { sent: number; skipped: number; failed: number };

/**
 * Sends the emails of the notifications not yet emailed, a batch at a time, until none is
 * left. Each row is taken before it is sent (db/queries/notifications.ts claimUnsentEmails),
 * so with several instances each email goes once; a send that fails is logged and not
 * retried (at most once: a notification is never emailed twice). Without SMTP_URL, or for a
 * user who opted out, the row is marked and nothing is sent.
 */
export async function sendPendingEmails(db: Executor, mailer: Mailer | null = smtpMailer()): Promise<SendReport> {
  const report: SendReport = { sent: 0, skipped: 0, failed: 0 };
  if (!mailer && !warnedNoSmtp) {
    warnedNoSmtp = true;
    console.info('[thông báo] SMTP_URL chưa đặt: thông báo chỉ hiện ở chuông trong trang quản trị, không gửi email.');
  }
  let portalName: string | null = null;
  for (;;) {
    const batch = await claimUnsentEmails(db, BATCH);
    if (!batch.length) return report;
    portalName ??= (await portalNameForEmail(db)) ?? 'Tòa soạn';
    for (const row of batch) {
      if (!mailer || !row.wantsEmail) {
        report.skipped += 1;
        continue;
      }
      const mail = notificationEmail({
        recipientName: row.name,
        message: row.message,
        link: row.articleId ? siteUrl(`/admin/bai-viet/${row.articleId}`) : null,
        portalName,
      });
      try {
        await mailer.send({ to: row.email, ...mail });
        report.sent += 1;
      } catch (error) {
        report.failed += 1;
        console.error(`[thông báo] không gửi được email thông báo #${row.id}`, error instanceof Error ? error.message : error);
      }
    }
  }
}
