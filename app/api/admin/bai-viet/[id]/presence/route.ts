import { heartbeatPresence, leavePresence } from '@/server/editorial/presence';
import { adminRoute, parseIdParam } from '@/server/http/admin-route';

type Ctx = { params: Promise<{ id: string }> };

/** Heartbeat: "I have this article open"; answers who else has. Never blocks anyone. */
export async function POST(request: Request, { params }: Ctx) {
  return adminRoute(request, async (user) => {
    const others = await heartbeatPresence(user, parseIdParam((await params).id));
    return Response.json({ others });
  });
}

export async function DELETE(request: Request, { params }: Ctx) {
  return adminRoute(request, async (user) => {
    await leavePresence(user, parseIdParam((await params).id));
    return new Response(null, { status: 204 });
  });
}
