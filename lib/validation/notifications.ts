import { z } from 'zod';

const id = z.number().int().positive().max(2_147_483_647);

/** What the bell may change: mark read (these ids, or all), or the email choice. */
export const notificationUpdateSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('read'), ids: z.array(id).max(100, 'Tối đa 100 thông báo mỗi lần.').optional() }).strict(),
    z.object({ action: z.literal('email'), enabled: z.boolean({ error: 'Hãy chọn bật hoặc tắt.' }) }).strict(),
  ],
  { error: 'Thao tác không hợp lệ.' },
);
