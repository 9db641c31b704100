/**
 * The readiness answer (GET /api/health/ready) from the results of its checks: pure, so the
 * rules are tested without a database. A load balancer sends readers only to an instance that
 * answers 200; every check that failed is named, in Vietnamese, for the operator.
 */

export type CheckResult = { ok: true; ms: number } | { ok: false; ms: number; problem: string };

export type ReadinessChecks = {
  database: CheckResult;
  migrations: CheckResult;
  /** Absent when REDIS_URL is not set. */
  redis?: CheckResult;
};

export type ReadinessAnswer = {
  status: 200 | 503;
  body:
    | { status: 'ready'; checks: ReadinessChecks }
    | { code: 'service_unavailable'; message: string; checks: ReadinessChecks; draining?: true };
};

const NAMES: Record<keyof ReadinessChecks, string> = {
  database: 'cơ sở dữ liệu',
  migrations: 'migration',
  redis: 'Redis',
};

export function readinessAnswer(checks: ReadinessChecks, draining: boolean): ReadinessAnswer {
  if (draining) {
    return {
      status: 503,
      body: { code: 'service_unavailable', message: 'Máy chủ đang tắt: không nhận yêu cầu mới.', checks, draining: true },
    };
  }
  const failed = (Object.keys(checks) as (keyof ReadinessChecks)[]).flatMap((name) => {
    const check = checks[name];
    return check && !check.ok ? [`${NAMES[name]}: ${check.problem}`] : [];
  });
  if (failed.length === 0) return { status: 200, body: { status: 'ready', checks } };
  return { status: 503, body: { code: 'service_unavailable', message: `Chưa sẵn sàng — ${failed.join('; ')}.`, checks } };
}

/**
 * Whether every migration of the journal is applied: drizzle records each applied migration
 * with its journal `when` (created_at); the newest applied must be the journal's newest.
 */
export function migrationsProblem(journalWhen: number[], newestApplied: number | null): string | null {
  if (journalWhen.length === 0) return 'không đọc được danh sách migration';
  const newest = Math.max(...journalWhen);
  if (newestApplied === null) return 'chưa áp dụng migration nào';
  if (newestApplied < newest) return `còn ${journalWhen.filter((when) => when > newestApplied).length} migration chưa áp dụng`;
  return null;
}

/** `work` within `ms`, or a rejection naming the deadline; the work itself is not cancelled. */
export async function withinDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} không trả lời trong ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
