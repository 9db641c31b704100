// What the newsroom is told, and how it reads: pure, so the wording and the event keys are
// unit-tested. The use cases in server/notifications/ decide who receives what.

export type NotificationKind = 'submitted' | 'returned' | 'published' | 'scheduled' | 'comment';

/** How often the bell asks for new notifications while the page is open. */
export const NOTIFICATION_POLL_MS = 20_000;

/**
 * The name of one event: a recipient gets one row per event key (a unique index), so the
 * same event written twice — a retried request, two instances — is one notification.
 * An article's events carry the version the change produced: each submission is its own event.
 */
export function articleEventKey(kind: Exclude<NotificationKind, 'comment'>, articleId: number, version: number): string {
  return `article:${articleId}:${kind}:v${version}`;
}

export function commentEventKey(commentId: number): string {
  return `comment:${commentId}`;
}

const quote = (title: string) => `«${title.trim() || 'Chưa có tiêu đề'}»`;

export function notificationMessage(kind: NotificationKind, input: { actorName: string; title: string; when?: string }): string {
  switch (kind) {
    case 'submitted':
      return `${input.actorName} gửi duyệt bài ${quote(input.title)}.`;
    case 'returned':
      return `${input.actorName} trả lại bài ${quote(input.title)}.`;
    case 'published':
      return `${input.actorName} đã xuất bản bài ${quote(input.title)}.`;
    case 'scheduled':
      return `${input.actorName} hẹn giờ đăng bài ${quote(input.title)}${input.when ? ` lúc ${input.when}` : ''}.`;
    case 'comment':
      return `${input.actorName} bình luận về bài ${quote(input.title)}.`;
  }
}

/** The email of one notification: plain text, the link to the article in the admin. */
export function notificationEmail(input: { recipientName: string; message: string; link: string | null; portalName: string }): { subject: string; text: string } {
  const subject = `[${input.portalName}] ${input.message}`.slice(0, 200);
  const lines = [`Chào ${input.recipientName},`, '', input.message];
  if (input.link) lines.push('', `Mở bài: ${input.link}`);
  lines.push('', '—', 'Email tự động của Tòa soạn. Tắt email thông báo: bấm chuông thông báo trong trang quản trị, bỏ chọn «Nhận email thông báo».');
  return { subject, text: lines.join('\n') };
}

/** The From of the emails: SMTP_FROM, or no-reply at the host of the public address. */
export function defaultSender(siteUrl: string): string {
  return `Tòa soạn <no-reply@${new URL(siteUrl).hostname}>`;
}
