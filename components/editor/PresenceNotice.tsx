'use client';

import { useEffect, useState } from 'react';
import type { UserRole } from '@/db/schema';
import { roleLabels } from '@/lib/auth/roles';

type Present = { id: number; name: string; role: UserRole };

const HEARTBEAT_MS = 15_000;

/**
 * "Phóng viên X đang mở bài này" (each person by their own role): a heartbeat while the page is open.
 * Informational only: it never blocks saving, and a closed tab drops out
 * by itself when its heartbeats stop.
 */
export function PresenceNotice({ articleId }: { articleId: number }) {
  const [others, setOthers] = useState<Present[]>([]);

  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const res = await fetch(`/api/admin/bai-viet/${articleId}/presence`, { method: 'POST' });
        if (res.ok && !stopped) setOthers(((await res.json()) as { others: Present[] }).others);
      } catch {
        // Presence is best effort.
      }
    };
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const leave = () => void fetch(`/api/admin/bai-viet/${articleId}/presence`, { method: 'DELETE', keepalive: true }).catch(() => {});
    window.addEventListener('pagehide', leave);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [articleId]);

  if (others.length === 0) return null;
  return (
    <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {others.map((o) => `${roleLabels[o.role] ?? 'Người dùng'} ${o.name}`).join(', ')} đang mở bài này. Bạn vẫn có thể sửa; nếu hai người cùng lưu, người lưu sau sẽ được hỏi trước khi ghi đè.
    </p>
  );
}
