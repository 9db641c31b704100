import 'server-only';
import { noteRequestUser } from '@/lib/observability-hooks.mjs';
import type { z } from 'zod';
import type { UserRole } from '@/db/schema';
import { failureOf, type ActionResult } from '@/lib/actions/result';
import { requireRole, type SessionUser } from '@/server/auth/session';

type AdminActionOptions<S extends z.ZodType> = {
  /** Parsed strictly after the caller is known: a body with unknown keys is refused, never trimmed. */
  schema: S;
  /** Who may call it at all; empty means any signed-in member. What they may do to a given row is the use case's check. */
  roles?: readonly UserRole[];
  /** Shown by the form on success. */
  successMessage?: string;
};

/**
 * The frame of every admin server action, in this order: the session (401),
 * the role (403), the input (422), then the use case. Whatever goes wrong
 * comes back as an ActionResult; only real bugs and Next's redirect() escape.
 */
export function adminAction<S extends z.ZodType, T>(
  options: AdminActionOptions<S>,
  run: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    try {
      const user = await requireRole(...(options.roles ?? []));
      noteRequestUser(user.id);
      const data = await run(options.schema.parse(input), user);
      return options.successMessage ? { ok: true, data, message: options.successMessage } : { ok: true, data };
    } catch (error) {
      return failureOf(error);
    }
  };
}
