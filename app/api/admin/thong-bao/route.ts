import { getDb } from '@/db/index';
import { getEmailNotifications, listNotifications, markNotificationsRead, setEmailNotifications } from '@/db/queries/notifications';
import { notificationUpdateSchema } from '@/lib/validation/notifications';
import { adminRoute, readJson } from '@/server/http/admin-route';

/** The bell: the signed-in member's latest notifications, the unread count and the email choice. */
export async function GET(request: Request) {
  return adminRoute(request, async (user) => {
    const db = await getDb();
    const [{ items, unread }, emailNotifications] = await Promise.all([listNotifications(db, user.id), getEmailNotifications(db, user.id)]);
    return Response.json({ unread, emailNotifications, items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) });
  });
}

/** "Đánh dấu đã đọc" (some or all) and "Nhận email thông báo", for the member's own notifications only. */
export async function POST(request: Request) {
  return adminRoute(request, async (user) => {
    const input = notificationUpdateSchema.parse(await readJson(request, 16 * 1024));
    const db = await getDb();
    if (input.action === 'read') await markNotificationsRead(db, user.id, input.ids ?? 'all');
    else await setEmailNotifications(db, user.id, input.enabled);
    return new Response(null, { status: 204 });
  });
}
