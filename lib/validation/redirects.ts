import { z } from 'zod';

const id = z.coerce.number({ error: 'Mã không hợp lệ.' }).int('Mã không hợp lệ.').positive('Mã không hợp lệ.');
// Shapes only; what a valid source and target are is lib/redirects.ts's, applied by the use case.
const pathField = (missing: string) => z.string({ error: missing }).trim().min(1, missing).max(1000, 'Đường dẫn dài quá 1000 ký tự.');

export const addRedirectInput = z.object({ from: pathField('Hãy nhập đường dẫn cũ.'), to: pathField('Hãy nhập đường dẫn mới.') }).strict();
export const deleteRedirectInput = z.object({ redirectId: id }).strict();
