'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '../actions';

const SIGN_IN_PATH = '/dang-nhap';

/** Before any attempt: nothing to show, or the page's own error (an expired or invalid session). */
function initialState(message: string | null): SignInState {
  return message ? { ok: false, code: 'unauthorized', message, email: '' } : { ok: true, data: null, email: '' };
}

export function SignInForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage: string | null }) {
  // The permalink is the form's action in the server HTML (an empty action="" is invalid HTML);
  // without JavaScript the browser posts the action there.
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, initialState(initialMessage), SIGN_IN_PATH);
  const message = state.ok ? null : state.message;
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'sign-in-error' : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-sky-700 focus:outline-none focus:ring-2 focus:ring-sky-700/30"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Mật khẩu
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'sign-in-error' : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-sky-700 focus:outline-none focus:ring-2 focus:ring-sky-700/30"
        />
      </div>
      {message ? (
        <p id="sign-in-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900 disabled:opacity-60"
      >
        {pending ? 'Đang đăng nhập…' : 'Đăng nhập'}
      </button>
    </form>
  );
}
