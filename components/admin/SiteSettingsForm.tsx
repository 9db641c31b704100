'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatViInteger } from '@/lib/numbers';
import type { SiteSettings } from '@/lib/validation/settings';
import type { ActionResult } from '@/lib/actions/result';
import { ActionResultMessage } from './ActionForm';

const contactFields: { key: keyof SiteSettings['contact']; label: string }[] = [
  { key: 'agency', label: 'Cơ quan chủ quản' },
  { key: 'address', label: 'Địa chỉ' },
  { key: 'phone', label: 'Điện thoại' },
  { key: 'email', label: 'Email liên hệ' },
  { key: 'editorInChief', label: 'Trưởng ban biên tập' },
  { key: 'license', label: 'Giấy phép' },
];

const input = 'w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

export function SiteSettingsForm({ initial, action }: { initial: SiteSettings; action: (input: unknown) => Promise<ActionResult<SiteSettings>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const baseline = text('statsBaseline').trim();
    const value = {
      portalName: text('portalName'),
      tagline: text('tagline'),
      contact: Object.fromEntries(contactFields.map((f) => [f.key, text(`contact.${f.key}`)])),
      // Sent as typed ("1.784.275"): the server reads vi-VN grouping and explains what it refuses.
      statsBaseline: baseline === '' ? 0 : baseline,
    };
    startTransition(async () => {
      const answer = await action(value);
      setResult({ ok: answer.ok, message: answer.ok ? (answer.message ?? 'Đã lưu.') : answer.message });
      if (answer.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-4">
      <label className="grid gap-1 text-sm">
        Tên cổng thông tin
        <input name="portalName" defaultValue={initial.portalName} required maxLength={200} className={input} />
      </label>
      <label className="grid gap-1 text-sm">
        Khẩu hiệu
        <input name="tagline" defaultValue={initial.tagline} maxLength={300} className={input} />
      </label>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Thông tin liên hệ (chân trang)</legend>
        {contactFields.map((field) => (
          <label key={field.key} className="grid gap-1 text-sm">
            {field.label}
            <input name={`contact.${field.key}`} defaultValue={initial.contact[field.key]} maxLength={300} className={input} />
          </label>
        ))}
      </fieldset>
      <label className="grid gap-1 text-sm">
        Số lượt truy cập của cổng cũ (cộng vào &quot;Tất cả&quot;)
        {/* Text, not type="number": a number input refuses "1.784.275", the way the figure is written here. */}
        <input name="statsBaseline" inputMode="numeric" autoComplete="off" defaultValue={formatViInteger(initial.statsBaseline)} className={input} />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-sky-800 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-900 disabled:opacity-60">
        Lưu cài đặt
      </button>
      <ActionResultMessage result={result} />
    </form>
  );
}
