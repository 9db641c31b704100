import { expect, test, type Page } from '@playwright/test';

// Demo accounts from db/seed-data/site.ts (documented in the README).
const accounts = {
  admin: { email: 'quantri@laocai.vn', password: 'QuanTri@2026', name: 'Quản trị hệ thống' },
  moderator: { email: 'bientap@laocai.vn', password: 'BienTap@2026', name: 'Nguyễn Thu Hà' },
  journalist: { email: 'lamtu@laocai.vn', password: 'PhongVien@2026', name: 'Lâm Tú' },
} as const;

const navByRole = {
  journalist: ['Tổng quan', 'Bài viết', 'Thư viện ảnh'],
  moderator: ['Tổng quan', 'Bài viết', 'Chờ duyệt', 'Thư viện ảnh', 'Thống kê'],
  admin: ['Tổng quan', 'Bài viết', 'Chờ duyệt', 'Thư viện ảnh', 'Chuyên mục', 'Chuyển hướng', 'Người dùng', 'Thống kê', 'Nhật ký', 'Cài đặt'],
} as const;

async function signIn(page: Page, role: keyof typeof accounts, path = '/dang-nhap') {
  await page.goto(path);
  await page.getByLabel('Email').fill(accounts[role].email);
  await page.getByLabel('Mật khẩu').fill(accounts[role].password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('newsroom accounts', () => {
  test('an anonymous visitor to /admin is sent to the sign-in page and back after signing in', async ({ page }) => {
    await page.goto('/admin/nguoi-dung');
    await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fadmin%2Fnguoi-dung$/);
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
    await page.getByLabel('Email').fill(accounts.admin.email);
    await page.getByLabel('Mật khẩu').fill(accounts.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/admin\/nguoi-dung$/);
    await expect(page.getByRole('heading', { name: 'Người dùng', level: 1 })).toBeVisible();
  });

  test('a wrong password is refused inline in Vietnamese', async ({ page }) => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Email').fill(accounts.journalist.email);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.locator('#sign-in-error')).toHaveText('Email hoặc mật khẩu không đúng.');
    await expect(page).toHaveURL(/\/dang-nhap/);
  });

  test('a callbackUrl to another site is ignored', async ({ page }) => {
    await signIn(page, 'moderator', '/dang-nhap?callbackUrl=https%3A%2F%2Fevil.example%2F');
    await expect(page).toHaveURL(/\/admin$/);
  });

  for (const role of ['journalist', 'moderator', 'admin'] as const) {
    test(`a ${role} sees exactly the ${role}'s navigation`, async ({ page }) => {
      const violations = collectCspViolations(page);
      await signIn(page, role);
      await expect(page).toHaveURL(/\/admin$/);
      await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Quản trị tòa soạn' });
      await expect(nav.getByRole('link')).toHaveText([...navByRole[role]]);
      await expect(page.getByRole('banner').getByText(accounts[role].name, { exact: true })).toBeVisible();
      await expect(page.getByTestId('pending-count')).toHaveCount(role === 'journalist' ? 0 : 1);
      // Hydrated under the nonce policy: client navigation works and nothing was blocked.
      await nav.getByRole('link', { name: 'Bài viết' }).click();
      await expect(page).toHaveURL(/\/admin\/bai-viet/);
      expect(violations).toEqual([]);
    });
  }

  test('a journalist opening an admin-only page gets the Vietnamese 403 page', async ({ page }) => {
    await signIn(page, 'journalist');
    await expect(page).toHaveURL(/\/admin$/);
    for (const path of ['/admin/nguoi-dung', '/admin/nhat-ky', '/admin/cai-dat', '/admin/chuyen-muc']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Bạn không có quyền truy cập trang này' })).toBeVisible();
    }
  });

  test('"Đăng xuất" ends the session', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/dang-nhap/);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fadmin$/);
  });

  test('a session cookie kept from before "Đăng xuất" no longer opens /admin', async ({ page, context }) => {
    await signIn(page, 'moderator');
    await expect(page).toHaveURL(/\/admin$/);
    const before = await context.cookies();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/dang-nhap/);
    // Replays the old cookie, as a request in flight at sign-out (or a thief) would.
    await context.addCookies(before);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fadmin$/);
  });

  test('the admin sees sign-ins in the audit log', async ({ page }) => {
    await signIn(page, 'admin', '/dang-nhap?callbackUrl=%2Fadmin%2Fnhat-ky');
    await expect(page).toHaveURL(/\/admin\/nhat-ky$/);
    await expect(page.getByRole('cell', { name: 'Đăng nhập', exact: true }).first()).toBeVisible();
  });

  test('security headers on a public page, the sign-in page and an admin page', async ({ page, request }) => {
    const common = (headers: Record<string, string>) => {
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    };

    const home = await request.get('/');
    common(home.headers());
    expect(home.headers()['content-security-policy']).not.toContain('nonce-');

    const signInPage = await request.get('/dang-nhap');
    common(signInPage.headers());
    const signInCsp = signInPage.headers()['content-security-policy']!;
    const scriptSrc = signInCsp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    // The nonce changes on every response.
    const again = (await request.get('/dang-nhap')).headers()['content-security-policy'];
    expect(again).not.toBe(signInCsp);

    await signIn(page, 'admin');
    await expect(page).toHaveURL(/\/admin$/);
    const admin = await page.request.get('/admin');
    expect(admin.status()).toBe(200);
    common(admin.headers());
    expect(admin.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(admin.headers()['cache-control']).toContain('no-store');
  });

  test.describe('on a phone-sized screen', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('the admin shell turns into a menu @mobile', async ({ page }) => {
      await signIn(page, 'moderator');
      await expect(page).toHaveURL(/\/admin$/);
      const nav = page.getByRole('navigation', { name: 'Quản trị tòa soạn' });
      await expect(nav).toBeHidden();
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(nav.getByRole('link')).toHaveText([...navByRole.moderator]);
    });
  });
});
