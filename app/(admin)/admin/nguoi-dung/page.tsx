import type { Metadata } from 'next';
import { ActionForm } from '@/components/admin/ActionForm';
import { listUsers } from '@/db/queries/users';
import { requirePageUser } from '@/server/auth/page-guard';
import { USER_ROLES, roleLabels } from '@/lib/auth/roles';
import { changeUserRoleAction, createUserAction, deactivateUserAction, reactivateUserAction, resetUserPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Người dùng' };

const input = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';

export default async function UsersPage() {
  const admin = await requirePageUser('admin');
  const users = await listUsers();

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Người dùng</h1>

      <section aria-labelledby="tao-tai-khoan" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tao-tai-khoan" className="mb-3 text-lg font-semibold">
          Tạo tài khoản
        </h2>
        <ActionForm action={createUserAction} submitLabel="Tạo tài khoản" resetOnSuccess className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
          <label className="grid gap-1 text-sm">
            Họ tên
            <input name="name" required maxLength={120} className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            Email
            <input name="email" type="email" required maxLength={200} className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            Vai trò
            <select name="role" defaultValue="journalist" className={input}>
              {USER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            Mật khẩu (ít nhất 10 ký tự)
            <input name="password" type="password" required minLength={10} autoComplete="new-password" className={input} />
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="danh-sach" className="space-y-3">
        <h2 id="danh-sach" className="text-lg font-semibold">
          Danh sách tài khoản ({users.length})
        </h2>
        <ul className="space-y-3">
          {users.map((user) => (
            <li key={user.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="user-row">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-semibold">{user.name}</span>
                <span className="text-sm text-slate-600">{user.email}</span>
                <span className="text-sm">{roleLabels[user.role]}</span>
                {user.active ? null : <span className="rounded bg-red-100 px-2 text-xs font-semibold text-red-800">Đã khóa</span>}
              </div>
              <div className="mt-3 flex flex-wrap gap-4">
                <ActionForm action={changeUserRoleAction} submitLabel="Đổi vai trò" className="flex items-center gap-2">
                  <input type="hidden" name="userId" value={user.id} />
                  <select name="role" defaultValue={user.role} aria-label={`Vai trò của ${user.name}`} className={input}>
                    {USER_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {roleLabels[role]}
                      </option>
                    ))}
                  </select>
                </ActionForm>
                <ActionForm action={resetUserPasswordAction} submitLabel="Đặt lại mật khẩu" resetOnSuccess className="flex items-center gap-2">
                  <input type="hidden" name="userId" value={user.id} />
                  <input name="password" type="password" minLength={10} required placeholder="Mật khẩu mới" aria-label={`Mật khẩu mới cho ${user.name}`} autoComplete="new-password" className={input} />
                </ActionForm>
                {user.id === admin.id ? null : user.active ? (
                  <ActionForm action={deactivateUserAction} submitLabel="Khóa tài khoản" confirm={`Khóa tài khoản ${user.name}?`} buttonClassName="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">
                    <input type="hidden" name="userId" value={user.id} />
                  </ActionForm>
                ) : (
                  <ActionForm action={reactivateUserAction} submitLabel="Mở khóa">
                    <input type="hidden" name="userId" value={user.id} />
                  </ActionForm>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
