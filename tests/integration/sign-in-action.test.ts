/**
 * The sign-in server action is a public endpoint: whatever body reaches it
 * (`[]`, null, a plain object instead of the form's FormData) it answers the
 * Vietnamese validation failure, never a 500. And a refusal by a limit says
 * which one and for how long, from the refusal itself.
 *
 * next-auth cannot be loaded outside Next (it imports `next/server` without
 * an extension), so its two error classes and the signIn() call are stand-ins
 * here; what signIn() rethrows is exactly what authorize() threw (raw mode).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ signIn: [] as unknown[], next: null as null | (() => unknown) }));

vi.mock('next-auth', () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = 'credentials';
  }
  return { AuthError, CredentialsSignin };
});
vi.mock('@/server/auth/auth', async () => {
  const { CredentialsSignin } = await import('next-auth');
  class SignInLockedOut extends CredentialsSignin {
    code = 'locked';
    constructor(
      readonly scope: string,
      readonly retryAfterSeconds: number,
    ) {
      super();
    }
  }
  class InvalidCredentials extends CredentialsSignin {
    code = 'invalid';
  }
  return {
    SignInLockedOut,
    InvalidCredentials,
    signIn: async (...args: unknown[]) => {
      calls.signIn.push(args);
      return calls.next?.();
    },
    signOut: async () => {},
    auth: async () => null,
  };
});

const { signInAction } = await import('@/app/(auth)/actions');
const authModule = (await import('@/server/auth/auth')) as unknown as {
  SignInLockedOut: new (scope: string, seconds: number) => Error;
  InvalidCredentials: new () => Error;
};

const before = { ok: true, data: null, email: '' } as const;
/** The action as an endpoint sees it: any arguments at all. */
const callRaw = signInAction as unknown as (...args: unknown[]) => ReturnType<typeof signInAction>;

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe('the sign-in action', () => {
  beforeEach(() => {
    calls.signIn = [];
    calls.next = null;
  });

  it.each([
    ['no arguments at all (a body of `[]`)', []],
    ['null state and payload', [null, null]],
    ['a plain object', [before, { email: 'quantri@laocai.vn', password: 'x' }]],
    ['an array', [before, ['quantri@laocai.vn', 'x']]],
    ['a string', ['x', 'email=quantri@laocai.vn&password=x']],
  ])('answers the validation failure for %s, without trying to sign in', async (_name, args) => {
    const result = await callRaw(...args);
    expect(result).toEqual({
      ok: false,
      code: 'validation_failed',
      message: 'Vui lòng nhập email.',
      fieldErrors: expect.objectContaining({ email: expect.arrayContaining(['Vui lòng nhập email.']), password: ['Vui lòng nhập mật khẩu.'] }),
      email: '',
    });
    expect(calls.signIn).toHaveLength(0);
  });

  it('a file where a text field belongs is a missing field, not a crash', async () => {
    const result = await signInAction(before, form({ email: 'quantri@laocai.vn', password: new Blob(['x']) }));
    expect(result).toMatchObject({ ok: false, code: 'validation_failed', message: 'Vui lòng nhập mật khẩu.', email: 'quantri@laocai.vn' });
    expect(calls.signIn).toHaveLength(0);
  });

  it('passes a valid form on to signIn', async () => {
    const result = await signInAction(before, form({ email: 'quantri@laocai.vn', password: 'QuanTri@2026', callbackUrl: '/admin/bai-viet' }));
    expect(result).toEqual({ ok: true, data: null, email: 'quantri@laocai.vn' });
    expect(calls.signIn).toEqual([['credentials', { email: 'quantri@laocai.vn', password: 'QuanTri@2026', redirectTo: '/admin/bai-viet' }]]);
  });

  it('says which limit refused the attempt and for how long', async () => {
    const attempt = () => signInAction(before, form({ email: 'quantri@laocai.vn', password: 'sai' }));
    calls.next = () => {
      throw new authModule.SignInLockedOut('slowdown', 4);
    };
    expect(await attempt()).toEqual({
      ok: false,
      code: 'too_many_requests',
      message: 'Tài khoản này vừa bị đăng nhập sai nhiều lần. Vui lòng thử lại sau 4 giây.',
      email: 'quantri@laocai.vn',
    });
    calls.next = () => {
      throw new authModule.SignInLockedOut('account', 601);
    };
    expect(await attempt()).toMatchObject({
      message: 'Đăng nhập sai quá nhiều lần cho tài khoản này từ địa chỉ này. Vui lòng thử lại sau 11 phút.',
    });
    calls.next = () => {
      throw new authModule.SignInLockedOut('ip', 30);
    };
    expect(await attempt()).toMatchObject({ code: 'too_many_requests', message: 'Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau 1 phút.' });
    calls.next = () => {
      throw new authModule.InvalidCredentials();
    };
    expect(await attempt()).toMatchObject({ code: 'unauthorized', message: 'Email hoặc mật khẩu không đúng.' });
  });
});
