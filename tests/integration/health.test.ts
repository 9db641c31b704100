/**
 * GET /api/health/live and /api/health/ready against the real database (PGlite and the Postgres
 * server) and a real, private redis-server that the test stops and starts again.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GET as live } from '@/app/api/health/live/route';
import { GET as ready } from '@/app/api/health/ready/route';
import type { DatabaseHandle } from '@/db/client';
import { resetEnv } from '@/lib/env';
import { DRAINING } from '@/lib/lifecycle-hooks.mjs';
import { useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb } from '../support/database';
import { freePort } from '../support/ports';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';

type ReadyBody = { status?: string; code?: string; message?: string; checks: Record<string, { ok: boolean; problem?: string }> };

async function readiness(): Promise<{ status: number; body: ReadyBody; cacheControl: string | null; ms: number }> {
  const started = Date.now();
  const response = await ready();
  return { status: response.status, body: (await response.json()) as ReadyBody, cacheControl: response.headers.get('cache-control'), ms: Date.now() - started };
}

describeDb('health routes', () => {
  let handle: DatabaseHandle;
  let restore: () => void;
  let redis: PrivateRedis;
  const savedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    handle = await createTestDatabase();
    restore = useAsAppDatabase(handle);
    redis = await startPrivateRedis(await freePort());
    delete process.env.REDIS_URL;
    resetEnv();
  });

  afterAll(async () => {
    restore?.();
    await handle?.close();
    await redis?.stop();
    if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedisUrl;
    resetEnv();
  });

  it('live answers without touching anything, never cached', async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ status: 'live' });
  });

  it('ready is 200 with the database reachable and every migration applied; no Redis check without REDIS_URL', async () => {
    const answer = await readiness();
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe('no-store');
    expect(answer.body.status).toBe('ready');
    expect(answer.body.checks.database!.ok).toBe(true);
    expect(answer.body.checks.migrations!.ok).toBe(true);
    expect(answer.body.checks.redis).toBeUndefined();
  });

  it('ready is 503 when a migration of the build has not been applied', async () => {
    const result = (await handle.db.execute(sql`SELECT id, created_at::text AS at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`)) as unknown as
      | { id: number; at: string }[]
      | { rows: { id: number; at: string }[] };
    const row = (Array.isArray(result) ? result : result.rows)[0]!;
    await handle.db.execute(sql`UPDATE drizzle.__drizzle_migrations SET created_at = created_at - 1 WHERE id = ${row.id}`);
    try {
      const answer = await readiness();
      expect(answer.status).toBe(503);
      expect(answer.body.code).toBe('service_unavailable');
      expect(answer.body.message).toContain('còn 1 migration chưa áp dụng');
      expect(answer.body.checks.database!.ok).toBe(true);
    } finally {
      await handle.db.execute(sql`UPDATE drizzle.__drizzle_migrations SET created_at = ${row.at}::bigint WHERE id = ${row.id}`);
    }
    expect((await readiness()).status).toBe(200);
  });

  it('ready checks Redis when REDIS_URL is set: 503 within about a second while it is down, 200 again when it is back', async () => {
    process.env.REDIS_URL = redis.url;
    resetEnv();
    try {
      await expect.poll(async () => (await readiness()).status, { timeout: 5_000 }).toBe(200);
      expect((await readiness()).body.checks.redis!.ok).toBe(true);

      await redis.stop();
      const down = await readiness();
      expect(down.status).toBe(503);
      expect(down.body.message).toContain('Redis');
      expect(down.body.checks.database!.ok).toBe(true);
      // Each check has its own 1 s deadline and they run side by side.
      expect(down.ms).toBeLessThan(2_500);

      await redis.start();
      await expect.poll(async () => (await readiness()).status, { timeout: 10_000, interval: 250 }).toBe(200);
    } finally {
      delete process.env.REDIS_URL;
      resetEnv();
    }
  });

  it('ready is 503 once the server drains (SIGTERM), so a load balancer stops sending readers', async () => {
    const global = globalThis as Record<symbol, unknown>;
    global[DRAINING] = true;
    try {
      const answer = await readiness();
      expect(answer.status).toBe(503);
      expect(answer.body.message).toBe('Máy chủ đang tắt: không nhận yêu cầu mới.');
    } finally {
      delete global[DRAINING];
    }
  });
});
