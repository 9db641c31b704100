'use server';

import { revalidatePath } from 'next/cache';
import { changeUserRole } from '@/server/accounts/change-user-role';
import { createUser } from '@/server/accounts/create-user';
import { resetUserPassword } from '@/server/accounts/reset-user-password';
import { setUserActive } from '@/server/accounts/set-user-active';
import { adminAction } from '@/server/actions/admin-action';
import { changeRoleInput, createUserInput, resetPasswordInput, userIdInput } from '@/lib/validation/accounts';

const PAGE = '/admin/nguoi-dung';

export const createUserAction = adminAction(
  { schema: createUserInput, roles: ['admin'], successMessage: 'Đã tạo tài khoản.' },
  async (input, admin) => {
    const user = await createUser({ ...input, actorId: admin.id });
    revalidatePath(PAGE);
    return user;
  },
);

export const changeUserRoleAction = adminAction(
  { schema: changeRoleInput, roles: ['admin'], successMessage: 'Đã đổi vai trò.' },
  async ({ userId, role }, admin) => {
    const user = await changeUserRole({ userId, role, actorId: admin.id });
    revalidatePath(PAGE);
    return user;
  },
);

export const deactivateUserAction = adminAction(
  { schema: userIdInput, roles: ['admin'], successMessage: 'Đã khóa tài khoản.' },
  async ({ userId }, admin) => {
    const user = await setUserActive({ userId, active: false, actorId: admin.id });
    revalidatePath(PAGE);
    return user;
  },
);

export const reactivateUserAction = adminAction(
  { schema: userIdInput, roles: ['admin'], successMessage: 'Đã mở khóa tài khoản.' },
  async ({ userId }, admin) => {
    const user = await setUserActive({ userId, active: true, actorId: admin.id });
    revalidatePath(PAGE);
    return user;
  },
);

export const resetUserPasswordAction = adminAction(
  { schema: resetPasswordInput, roles: ['admin'], successMessage: 'Đã đặt lại mật khẩu.' },
  async ({ userId, password }, admin) => {
    await resetUserPassword({ userId, password, actorId: admin.id });
    return null;
  },
);
