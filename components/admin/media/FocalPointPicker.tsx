'use client';

import { useId, useState } from 'react';
import type { FocalPoint } from '@/lib/media/crops';

type Props = {
  src: string;
  /** What the image shows, for the picker's description. */
  label: string;
  value: FocalPoint;
  onChange: (value: FocalPoint) => void;
  disabled?: boolean;
};

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const toPercent = (fraction: number) => Math.round(fraction * 1000) / 10;

/**
 * The point the crops keep in frame: click on the image, or, from the
 * keyboard, focus it and use the arrow keys (Shift for steps of 10 %), or
 * type both coordinates in percent.
 */
export function FocalPointPicker({ src, label, value, onChange, disabled }: Props) {
  const helpId = useId();
  const xId = useId();
  const yId = useId();
  const move = (dx: number, dy: number) => onChange({ x: clamp01(Math.round((value.x + dx) * 1000) / 1000), y: clamp01(Math.round((value.y + dy) * 1000) / 1000) });
  // What is being typed in a coordinate field, until it leaves: "" or "4" on the way to "45" must not jump the point.
  const [draft, setDraft] = useState<{ x?: string; y?: string }>({});
  const fromPercent = (text: string) => {
    if (text.trim() === '') return null;
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? clamp01(n / 100) : null;
  };
  const coordinate = (axis: 'x' | 'y') => ({
    value: draft[axis] ?? String(toPercent(value[axis])),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const text = e.target.value;
      setDraft((d) => ({ ...d, [axis]: text }));
      const parsed = fromPercent(text);
      if (parsed !== null) onChange({ ...value, [axis]: Math.round(parsed * 1000) / 1000 });
    },
    onBlur: () => setDraft((d) => ({ ...d, [axis]: undefined })),
  });
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={disabled}
        aria-describedby={helpId}
        aria-label={`Điểm lấy nét của ảnh ${label}: ngang ${toPercent(value.x)} %, dọc ${toPercent(value.y)} %`}
        className="relative block max-w-full cursor-crosshair overflow-hidden rounded border border-slate-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:cursor-default"
        data-testid="focal-point-picker"
        onClick={(e) => {
          // A click from the keyboard (Enter, Space) has no position on the image.
          if (e.detail === 0) return;
          const box = e.currentTarget.getBoundingClientRect();
          onChange({ x: clamp01(Math.round(((e.clientX - box.left) / box.width) * 1000) / 1000), y: clamp01(Math.round(((e.clientY - box.top) / box.height) * 1000) / 1000) });
        }}
        onKeyDown={(e) => {
          const step = e.shiftKey ? 0.1 : 0.01;
          const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
          const delta = moves[e.key];
          if (!delta) return;
          e.preventDefault();
          move(delta[0], delta[1]);
        }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- one of our uploads, at a width the admin shows */}
        <img src={src} alt="" className="block max-h-[28rem] w-auto max-w-full select-none" draggable={false} />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute h-6 w-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow-[0_0_0_2px_rgba(15,23,42,0.9)]"
          style={{ left: `${value.x * 100}%`, top: `${value.y * 100}%` }}
        />
      </button>
      <p id={helpId} className="text-xs text-slate-600">
        Bấm vào chỗ quan trọng nhất của ảnh (khuôn mặt, chủ thể); các khung cắt 16:9, 4:3 và 1:1 sẽ giữ điểm đó ở gần giữa nhất có thể. Dùng bàn phím: chọn ảnh rồi
        bấm các phím mũi tên (giữ Shift để đi 10 %), hoặc nhập hai tọa độ bên dưới.
      </p>
      <div className="flex flex-wrap gap-3">
        <label htmlFor={xId} className="grid gap-1 text-sm">
          Điểm lấy nét, ngang (%)
          <input
            id={xId}
            type="number"
            min={0}
            max={100}
            step={0.1}
            disabled={disabled}
            {...coordinate('x')}
            className="w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-100"
          />
        </label>
        <label htmlFor={yId} className="grid gap-1 text-sm">
          Điểm lấy nét, dọc (%)
          <input
            id={yId}
            type="number"
            min={0}
            max={100}
            step={0.1}
            disabled={disabled}
            {...coordinate('y')}
            className="w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-100"
          />
        </label>
      </div>
    </div>
  );
}
