'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

type Props = {
  /** An admin server action taking one plain object (the form's fields, as strings). */
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  confirm?: string;
  buttonClassName?: string;
};

/** Submits a form's fields to a server action and shows its Vietnamese answer inline. */
export function ActionForm({ action, submitLabel, children, className, resetOnSuccess, confirm, buttonClassName }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const input = Object.fromEntries(new FormData(event.currentTarget).entries());
    startTransition(async () => {
      const answer = await action(input);
      setResult(answer.ok ? (answer.message ? { ok: true, message: answer.message } : null) : { ok: false, message: answer.message });
      if (answer.ok) {
        if (resetOnSuccess) formRef.current?.reset();
        router.refresh();
      }
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className={className}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={buttonClassName ?? 'rounded-md bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900 disabled:opacity-60'}
      >
        {submitLabel}
      </button>
      <ActionResultMessage result={result} />
    </form>
  );
}

/** The server action's answer under a form: a status when it worked, an alert when not. */
export function ActionResultMessage({ result }: { result: { ok: boolean; message: string } | null }) {
  if (!result) return null;
  return (
    <p role={result.ok ? 'status' : 'alert'} className={`text-sm ${result.ok ? 'text-emerald-700' : 'text-red-700'}`}>
      {result.message}
    </p>
  );
}
