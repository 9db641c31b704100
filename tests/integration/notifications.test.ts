import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { insertNotifications, listNotifications, markNotificationsRead, setEmailNotifications } from '@/db/queries/notifications';
import { notifications } from '@/db/schema';
import type { Actor } from '@/lib/editorial';
import { articleEventKey } from '@/lib/notifications';
import { addComment } from '@/server/comments/add-comment';
import { listArticleComments } from '@/server/comments/list-comments';
import { publishArticle, rejectArticle, submitForReview } from '@/server/editorial/transition-article';
import type { Mailer } from '@/server/notifications/mailer';
import { sendPendingEmails } from '@/server/notifications/send-pending-emails';
import { refusalOf } from '../support/app-error';
import { makeArticle, makeCategory, makeUser } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';
import { freePort } from '../support/ports';

type Received = { to: string[]; raw: string };

/** A real SMTP server on a free port that keeps every message it is given. */
async function startSmtpServer(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function mailerTo(port: number): Mailer {
  const transport = nodemailer.createTransport(`smtp://127.0.0.1:${port}`);
  return { send: async (mail) => void (await transport.sendMail({ from: 'Tòa soạn <no-reply@localhost>', ...mail })) };
}

/** The decoded text of a one-part message (nodemailer sends UTF-8 text as quoted-printable or base64). */
function bodyText(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describeDb(`notifications and the editorial thread on ${testDriver}`, () => {
  let handle: DatabaseHandle & { testUrl?: string };
  let journalist: Actor & { email: string };
  let editorA: Actor & { email: string };
  let editorB: Actor & { email: string };
  let outsider: Actor;
  let categoryId: number;
  const deps = () => ({ db: handle.db });
  const kindsFor = async (userId: number) => (await listNotifications(handle.db, userId, 100)).items.map((n) => n.kind);

  beforeAll(async () => {
    handle = await createTestDatabase();
    const j = await makeUser(handle.db, 'journalist');
    const a = await makeUser(handle.db, 'moderator');
    const b = await makeUser(handle.db, 'admin');
    const o = await makeUser(handle.db, 'journalist');
    journalist = { id: j.id, role: 'journalist', email: j.email };
    editorA = { id: a.id, role: 'moderator', email: a.email };
    editorB = { id: b.id, role: 'admin', email: b.email };
    outsider = { id: o.id, role: 'journalist' };
    categoryId = (await makeCategory(handle.db)).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('tells every editor of a submission, the author of a return (whose note opens the thread) and of a publication, never the actor', async () => {
    const draft = await makeArticle(handle.db, { authorId: journalist.id, categoryId, title: 'Khai trương chợ đêm Lào Cai' });
    const submitted = await submitForReview(journalist, { articleId: draft.id, version: draft.version }, deps());
    for (const editor of [editorA, editorB]) {
      const { items } = await listNotifications(handle.db, editor.id);
      expect(items.find((n) => n.articleId === draft.id)?.message).toMatch(/gửi duyệt bài «Khai trương chợ đêm Lào Cai»/);
    }
    expect(await kindsFor(journalist.id)).not.toContain('submitted');

    const returned = await rejectArticle(editorA, { articleId: draft.id, version: submitted.article.version, note: 'Bổ sung giờ mở cửa.' }, deps());
    expect(await kindsFor(journalist.id)).toContain('returned');
    const thread = await listArticleComments(journalist, draft.id, deps());
    expect(thread[0]).toMatchObject({ kind: 'return_note', body: 'Bổ sung giờ mở cửa.' });
    // The editor who returned it hears the author's answer.
    await addComment(journalist, { articleId: draft.id, body: 'Đã bổ sung.' }, deps());
    expect((await listNotifications(handle.db, editorA.id, 100)).items.some((n) => n.articleId === draft.id && n.kind === 'comment')).toBe(true);
    expect((await listNotifications(handle.db, editorB.id, 100)).items.some((n) => n.articleId === draft.id && n.kind === 'comment')).toBe(false);

    const again = await submitForReview(journalist, { articleId: draft.id, version: returned.article.version }, deps());
    await publishArticle(editorB, { articleId: draft.id, version: again.article.version }, deps());
    const mine = await kindsFor(journalist.id);
    expect(mine.filter((k) => k === 'published')).toHaveLength(1);
    // Each submission is its own event: the editor was told twice, once per submission.
    expect((await listNotifications(handle.db, editorA.id, 100)).items.filter((n) => n.articleId === draft.id && n.kind === 'submitted')).toHaveLength(2);
    expect((await kindsFor(editorB.id)).filter((k) => k === 'published')).toHaveLength(0);
  });

  it('keeps the thread to the author and editors, and tells the other side of each comment', async () => {
    const article = await makeArticle(handle.db, { authorId: journalist.id, title: 'Bài có trao đổi' });
    await addComment(editorA, { articleId: article.id, body: 'Ảnh bìa bị mờ.' }, deps());
    expect(await kindsFor(journalist.id)).toContain('comment');
    await addComment(journalist, { articleId: article.id, body: 'Em đã thay ảnh.' }, deps());
    // The editor follows the article since their comment.
    const editorNotes = (await listNotifications(handle.db, editorA.id, 100)).items.filter((n) => n.articleId === article.id && n.kind === 'comment');
    expect(editorNotes).toHaveLength(1);
    expect(editorNotes[0]!.message).toContain('bình luận');

    expect((await refusalOf(addComment(outsider, { articleId: article.id, body: 'Xem trộm' }, deps()))).code).toBe('not_found');
    expect((await refusalOf(listArticleComments(outsider, article.id, deps()))).code).toBe('not_found');
    expect((await listArticleComments(editorB, article.id, deps())).map((c) => c.body)).toEqual(['Ảnh bìa bị mờ.', 'Em đã thay ảnh.']);
  });

  it('writes one notification per event even when two instances write it at the same time', async () => {
    const second = handle.testUrl ? await openDatabase({ driver: 'postgres', url: handle.testUrl, max: 4 }) : null;
    try {
      const article = await makeArticle(handle.db, { authorId: journalist.id });
      const row = { userId: journalist.id, kind: 'published', eventKey: articleEventKey('published', article.id, 7), articleId: article.id, actorId: editorA.id, message: 'x' };
      const writers = [handle.db, second?.db ?? handle.db];
      const written = await Promise.all([...writers, ...writers].map((db) => insertNotifications(db, [row])));
      expect(written.reduce((a, b) => a + b, 0)).toBe(1);
      const rows = await handle.db.select().from(notifications).where(eq(notifications.eventKey, row.eventKey));
      expect(rows).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });

  it('marks only the member’s own notifications read', async () => {
    const before = await listNotifications(handle.db, editorA.id, 100);
    expect(before.unread).toBeGreaterThan(0);
    await markNotificationsRead(handle.db, journalist.id, before.items.map((n) => n.id));
    expect((await listNotifications(handle.db, editorA.id, 100)).unread).toBe(before.unread);
    await markNotificationsRead(handle.db, editorA.id, 'all');
    expect((await listNotifications(handle.db, editorA.id, 100)).unread).toBe(0);
  });

  describe('email', () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    beforeAll(async () => {
      smtp = await startSmtpServer();
      // Only what the tests below create is waiting.
      await sendPendingEmails(handle.db, null);
    });
    afterAll(async () => {
      await smtp?.close();
    });

    it('sends each notification once, in Vietnamese with the article’s link, even from two instances at once; never to who opted out', async () => {
      await setEmailNotifications(handle.db, editorB.id, false);
      const draft = await makeArticle(handle.db, { authorId: journalist.id, categoryId, title: 'Lễ hội Xuống đồng Sa Pa' });
      await submitForReview(journalist, { articleId: draft.id, version: draft.version }, deps());

      const second = handle.testUrl ? await openDatabase({ driver: 'postgres', url: handle.testUrl, max: 4 }) : null;
      try {
        const mailer = mailerTo(smtp.port);
        const reports = await Promise.all([sendPendingEmails(handle.db, mailer), sendPendingEmails(second?.db ?? handle.db, mailer)]);
        expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
        expect(reports.reduce((n, r) => n + r.skipped, 0)).toBe(1);
      } finally {
        await second?.close();
      }
      expect(smtp.received.map((m) => m.to)).toEqual([[editorA.email]]);
      const text = bodyText(smtp.received[0]!.raw);
      expect(text).toContain('gửi duyệt bài «Lễ hội Xuống đồng Sa Pa»');
      expect(text).toContain(`/admin/bai-viet/${draft.id}`);
      // Nothing is left to send, and a second round sends nothing again.
      expect((await sendPendingEmails(handle.db, mailerTo(smtp.port))).sent).toBe(0);
      expect(smtp.received).toHaveLength(1);
    });

    it('never fails or blocks because the mail server is down: the failure is counted and logged', async () => {
      const article = await makeArticle(handle.db, { authorId: journalist.id });
      await addComment(editorA, { articleId: article.id, body: 'Kiểm tra lỗi gửi thư.' }, deps());
      const deadPort = await freePort();
      const report = await sendPendingEmails(handle.db, mailerTo(deadPort));
      expect(report.failed).toBe(1);
    });
  });
});
