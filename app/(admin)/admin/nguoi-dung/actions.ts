'use server';

import { revalidatePath } from 'next/cache';
import { changeUserRole, createUser, resetUserPassword, setUserActive, type UserSummary } from '@/db/queries/users';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { requireRole } from '@/server/auth/session';
import { AppError } from '@/lib/http/errors';
import { changeRoleInput, createUserInput, resetPasswordInput, userIdInput } from '@/lib/validation/accounts';

const PAGE = '/admin/nguoi-dung';

export async function createUserAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const user = await createUser(createUserInput.parse(input), admin.id);
    revalidatePath(PAGE);
    return user;
  }, 'Đã tạo tài khoản.');
}

export async function changeUserRoleAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const { userId, role } = changeRoleInput.parse(input);
    const user = await changeUserRole(userId, role, admin.id);
    revalidatePath(PAGE);
    return user;
  }, 'Đã đổi vai trò.');
}

export async function deactivateUserAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const { userId } = userIdInput.parse(input);
    if (userId === admin.id) throw new AppError('conflict', 'Bạn không thể tự khóa tài khoản của mình.');
    const user = await setUserActive(userId, false, admin.id);
    revalidatePath(PAGE);
    return user;
  }, 'Đã khóa tài khoản.');
}

export async function reactivateUserAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const { userId } = userIdInput.parse(input);
    const user = await setUserActive(userId, true, admin.id);
    revalidatePath(PAGE);
    return user;
  }, 'Đã mở khóa tài khoản.');
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const { userId, password } = resetPasswordInput.parse(input);
    await resetUserPassword(userId, password, admin.id);
    return null;
  }, 'Đã đặt lại mật khẩu.');
}
