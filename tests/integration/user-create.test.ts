import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { verifyCredentials } from '@/server/auth/credentials';
import { runUserCreate } from '@/scripts/user-create';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`npm run user:create on ${testDriver}`, () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('creates an admin who can then sign in, hashed with bcrypt cost 12', async () => {
    const { created, user } = await runUserCreate(
      ['--email', 'Admin@LaoCai.vn', '--password', 'KhoiTao@2026', '--role', 'admin', '--name', 'Quản trị đầu tiên'],
      handle.db,
    );
    expect(created).toBe(true);
    expect(user).toMatchObject({ email: 'admin@laocai.vn', role: 'admin', active: true, name: 'Quản trị đầu tiên' });
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(row!.slug).toBe('quan-tri-dau-tien');
    expect((await verifyCredentials({ email: 'admin@laocai.vn', password: 'KhoiTao@2026', ip: '127.0.0.1' }, handle.db)).ok).toBe(true);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(audits.map((a) => a.action)).toContain('user.created_cli');
  });

  it('updates an existing account: role, name, password, and reactivates it', async () => {
    const first = await runUserCreate(['--email', 'pv@laocai.vn', '--password', 'MatKhau@2026', '--role', 'journalist', '--name', 'Phóng viên'], handle.db);
    await handle.db.update(users).set({ active: false }).where(eq(users.id, first.user.id));
    const second = await runUserCreate(['--email', 'PV@laocai.vn', '--password', 'MatKhauMoi@2026', '--role', 'moderator', '--name', 'Biên tập'], handle.db);
    expect(second).toMatchObject({ created: false, user: { id: first.user.id, role: 'moderator', name: 'Biên tập', active: true } });
    expect((await verifyCredentials({ email: 'pv@laocai.vn', password: 'MatKhau@2026', ip: '127.0.0.2' }, handle.db)).ok).toBe(false);
    expect((await verifyCredentials({ email: 'pv@laocai.vn', password: 'MatKhauMoi@2026', ip: '127.0.0.2' }, handle.db)).ok).toBe(true);
  });

  it.each([
    [['--email', 'x@laocai.vn', '--password', 'MatKhau@2026', '--role', 'boss', '--name', 'X'], /role/],
    [['--email', 'khong-phai-email', '--password', 'MatKhau@2026', '--role', 'admin', '--name', 'X'], /Email không hợp lệ/],
    [['--email', 'x@laocai.vn', '--password', 'ngan', '--role', 'admin', '--name', 'X'], /ít nhất 10 ký tự/],
    [['--email', 'x@laocai.vn', '--password', 'MatKhau@2026', '--role', 'admin'], /--name/],
    [['--email', 'x@laocai.vn', '--password', 'MatKhau@2026', '--role', 'admin', '--name', 'X', '--active', 'no'], /active/],
  ])('refuses bad arguments %j', async (argv, message) => {
    await expect(runUserCreate(argv, handle.db)).rejects.toThrow(message);
  });
});

// The folder lock only exists for PGlite; the Postgres run has nothing to check here.
if (testDriver === 'pglite') describeDb('user:create and a running server on one PGlite folder', () => {
  let holder: ChildProcess;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-lock-'));
  const dataDir = path.join(dir, 'pglite');

  afterAll(() => {
    holder?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is refused while another live process holds the folder lock', async () => {
    holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'pglite.lock'), String(holder.pid));
    await expect(openDatabase({ driver: 'pglite', dataDir })).rejects.toThrow(/đang được tiến trình \d+ sử dụng/);
  });
});
