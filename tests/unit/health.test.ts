import { describe, expect, it } from 'vitest';
import { migrationsProblem, readinessAnswer, withinDeadline, type ReadinessChecks } from '@/lib/health';
import { DRAINING, isDraining, markDraining, onShutdown, runShutdownHooks } from '@/lib/lifecycle-hooks.mjs';

const ok = { ok: true as const, ms: 3 };
const failed = (problem: string) => ({ ok: false as const, ms: 1000, problem });

describe('readinessAnswer', () => {
  it('is 200 "ready" when every check passed, Redis included when configured', () => {
    const checks: ReadinessChecks = { database: ok, migrations: ok, redis: ok };
    expect(readinessAnswer(checks, false)).toEqual({ status: 200, body: { status: 'ready', checks } });
  });

  it('is 503 naming every check that failed, in Vietnamese', () => {
    const answer = readinessAnswer({ database: failed('cơ sở dữ liệu không trả lời trong 1000 ms'), migrations: ok, redis: failed('Redis không trả lời trong 1000 ms') }, false);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'service_unavailable' });
    const message = (answer.body as { message: string }).message;
    expect(message).toContain('cơ sở dữ liệu: cơ sở dữ liệu không trả lời trong 1000 ms');
    expect(message).toContain('Redis: Redis không trả lời');
    expect(message).not.toContain('migration:');
  });

  it('is 503 while the server drains, even when everything else is fine', () => {
    const answer = readinessAnswer({ database: ok, migrations: ok }, true);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'service_unavailable', draining: true });
  });
});

describe('migrationsProblem', () => {
  const journal = [100, 200, 300];
  it('is null when the newest applied migration is the journal’s newest', () => {
    expect(migrationsProblem(journal, 300)).toBeNull();
  });
  it('counts the migrations not applied yet', () => {
    expect(migrationsProblem(journal, 100)).toBe('còn 2 migration chưa áp dụng');
  });
  it('says so when none is applied or the journal is empty', () => {
    expect(migrationsProblem(journal, null)).toBe('chưa áp dụng migration nào');
    expect(migrationsProblem([], 300)).toBe('không đọc được danh sách migration');
  });
});

describe('withinDeadline', () => {
  it('passes the result through in time', async () => {
    await expect(withinDeadline(Promise.resolve(7), 100, 'x')).resolves.toBe(7);
  });
  it('rejects at the deadline, naming what did not answer', async () => {
    const started = Date.now();
    await expect(withinDeadline(new Promise(() => {}), 50, 'Redis')).rejects.toThrow('Redis không trả lời trong 50 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('lifecycle hooks', () => {
  it('marks the process as draining', () => {
    const global = globalThis as Record<symbol, unknown>;
    try {
      expect(isDraining()).toBe(false);
      markDraining();
      expect(isDraining()).toBe(true);
    } finally {
      delete global[DRAINING];
    }
  });

  it('runs the hooks once, the last registered first, past one that fails', async () => {
    const ran: string[] = [];
    onShutdown(() => void ran.push('close the database'));
    onShutdown(() => {
      throw new Error('boom');
    });
    onShutdown(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ran.push('stop the timers');
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await runShutdownHooks();
    } finally {
      console.error = original;
    }
    expect(ran).toEqual(['stop the timers', 'close the database']);
    expect(errors).toHaveLength(1);
    await runShutdownHooks();
    expect(ran).toHaveLength(2);
  });
});
