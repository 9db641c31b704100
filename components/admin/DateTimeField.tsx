'use client';

import { useId, useState } from 'react';
import { addDays, formatDateTimeInputVi, parseDateTimeInputVi } from '@/lib/time';

const WEEKDAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];
const WEEKDAY_NAMES = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];

type Props = {
  label: string;
  /** The text as typed, `dd/mm/yyyy HH:mm`. */
  value: string;
  onChange: (text: string) => void;
  disabled?: boolean;
};

/** `YYYY-MM` of the month the field's date is in, or of today. */
function monthOf(text: string): string {
  const at = parseDateTimeInputVi(text) ?? new Date();
  return formatDateTimeInputVi(at).replace(/^(\d{2})\/(\d{2})\/(\d{4}).*$/, '$3-$2');
}

/**
 * A date and time in Vietnam time, always shown and typed as `dd/mm/yyyy HH:mm`: the browser's
 * `datetime-local` follows the computer's language and zone (mm/dd/yyyy, 12-hour clocks), which
 * put wrong times on the schedule. A month grid (weeks from Monday) picks the day; the time is
 * typed, or kept when another day is picked.
 */
export function DateTimeField({ label, value, onChange, disabled }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(() => monthOf(value));
  const parsed = parseDateTimeInputVi(value);
  const invalid = value.trim() !== '' && parsed === null;

  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const firstWeekday = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7; // 0 = Monday
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  // Padded so that column i % 7 is the weekday (Monday first).
  const cells: (string | null)[] = [...Array<null>(firstWeekday).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => addDays(first, i))];
  const time = /\s(\d{1,2}\s*[:hg]\s*\d{2})\s*$/i.exec(value)?.[1] ?? '08:00';
  const selectedDay = parsed ? formatDateTimeInputVi(parsed).slice(0, 10) : null;
  const shiftMonth = (n: number) => {
    const d = new Date(Date.UTC(year, monthNumber - 1 + n, 1));
    setMonth(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  };

  return (
    <div className="grid gap-1 text-sm">
      <label htmlFor={id}>{label}</label>
      <div className="flex gap-1">
        <input
          id={id}
          value={value}
          disabled={disabled}
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy HH:mm"
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
          className="w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <button
          type="button"
          disabled={disabled}
          aria-expanded={open}
          aria-controls={`${id}-calendar`}
          onClick={() => {
            setMonth(monthOf(value));
            setOpen((o) => !o);
          }}
          className="rounded-md border border-slate-300 px-2 text-sm hover:bg-slate-100"
        >
          Lịch
        </button>
      </div>
      <span id={`${id}-hint`} className={invalid ? 'text-red-700' : 'text-slate-500'}>
        {invalid ? 'Chưa đúng dạng ngày/tháng/năm giờ:phút, ví dụ 03/12/2026 08:00.' : 'Ngày/tháng/năm giờ:phút, giờ Việt Nam.'}
      </span>
      {open ? (
        <div id={`${id}-calendar`} role="group" aria-label={`Chọn ngày, tháng ${monthNumber}/${year}`} className="rounded-md border border-slate-200 bg-white p-2">
          <div className="mb-1 flex items-center justify-between">
            <button type="button" onClick={() => shiftMonth(-1)} className="rounded px-2 hover:bg-slate-100" aria-label="Tháng trước">
              ‹
            </button>
            <span className="font-semibold">
              Tháng {monthNumber}/{year}
            </span>
            <button type="button" onClick={() => shiftMonth(1)} className="rounded px-2 hover:bg-slate-100" aria-label="Tháng sau">
              ›
            </button>
          </div>
          <div className="grid grid-cols-7 gap-0.5 text-center">
            {WEEKDAYS.map((d) => (
              <span key={d} aria-hidden="true" className="text-xs text-slate-500">
                {d}
              </span>
            ))}
            {cells.map((day, i) =>
              day ? (
                <button
                  key={day}
                  type="button"
                  aria-pressed={day === selectedDay}
                  aria-label={`${WEEKDAY_NAMES[i % 7]}, ${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}`}
                  onClick={() => {
                    onChange(`${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)} ${time}`);
                    setOpen(false);
                  }}
                  className={`rounded py-1 ${day === selectedDay ? 'bg-sky-800 text-white' : 'hover:bg-slate-100'}`}
                >
                  {Number(day.slice(8))}
                </button>
              ) : (
                <span key={`pad-${i}`} />
              ),
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
