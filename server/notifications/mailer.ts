// No `server-only`: the email job (server/jobs/notification-emails.ts) runs it from instrumentation too.
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../../lib/env';
import { defaultSender } from '../../lib/notifications';
import { siteUrl } from '../../lib/site-url';

export type OutgoingMail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: OutgoingMail) => Promise<void> };

const state = globalThis as unknown as { __toaSoanMailer?: { url: string; transport: Transporter } };

/** The SMTP mailer of SMTP_URL (nodemailer, one pooled transport per process), or null without it. */
export function smtpMailer(): Mailer | null {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return null;
  if (state.__toaSoanMailer?.url !== SMTP_URL) {
    state.__toaSoanMailer = { url: SMTP_URL, transport: nodemailer.createTransport(SMTP_URL) };
  }
  const { transport } = state.__toaSoanMailer;
  const from = SMTP_FROM ?? defaultSender(siteUrl('/'));
  return {
    send: async (mail) => {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
