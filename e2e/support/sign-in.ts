import { expect, type Browser, type Page } from '@playwright/test';

/** A new browser context (on `baseURL` when given) signed in through the sign-in form, on the admin dashboard. */
export async function signedIn(browser: Browser, account: { email: string; password: string }, baseURL?: string): Promise<Page> {
  const page = await (await browser.newContext(baseURL ? { baseURL } : {})).newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}
