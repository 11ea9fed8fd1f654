/**
 * The 节假日日历 page in Chromium, as the system administrator uses it: 2026 drawn with National
 * Day (休) and its 调休 Saturday (班), the warning that 2027 is missing, a day set by hand, then the
 * 2027 arrangement imported from a CSV file (checked first) — after which the warning moves on to
 * 2028. Screenshots at 1440 and 390 px go to test-results/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signIn, systemContext } from '../helpers/access-fixtures.js';
import { hasChromium, type LaunchedBrowser, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const CSV_2027 = [
  'date,kind,name',
  '2027,covered,测试用安排（非真实通知）',
  '2027-01-01,holiday,元旦',
  '2027-01-02,holiday,元旦',
  '2027-01-03,holiday,元旦',
].join('\n');

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir(), `${name}.png`), fullPage: true });
}

const cell = (page: Page, date: string) => page.locator(`[data-date="${date}"]`);

describe.skipIf(!hasChromium())('节假日日历 page', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let session: { token: string };

  beforeAll(async () => {
    server = await startTestServer();
    const ctx = systemContext(server.db);
    const admin = await createAccount(ctx, { displayName: '系统管理员甲', grants: [{ role: 'system-admin', orgCode: 'lz' }] });
    session = await signIn(ctx, admin);
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
    await browser.context.addCookies([{ name: 'quanze_session', value: session.token, url: server.baseUrl }]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows 2026 with National Day and its 调休 Saturday, and warns that 2027 is missing (1440 px)', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/admin/calendar?year=2026');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('节假日日历');
    await cell(page, '2026-10-01').waitFor();
    expect(await cell(page, '2026-10-01').getAttribute('data-kind')).toBe('holiday');
    expect(await cell(page, '2026-10-01').textContent()).toContain('休');
    expect(await cell(page, '2026-10-10').getAttribute('data-kind')).toBe('adjusted-workday');
    expect(await cell(page, '2026-10-10').textContent()).toContain('班');
    expect(await page.getByTestId('calendar-missing-warning').textContent()).toContain('2027 年的节假日安排尚未导入');
    expect(await page.getByTestId('calendar-runs').textContent()).toContain('国庆节');
    await screenshot(page, 'calendar-1440');

    await page.getByRole('button', { name: '下一年' }).click();
    await expect.poll(() => page.getByTestId('calendar-year').textContent()).toBe('2027 年');
    await cell(page, '2027-03-03').waitFor();
    expect(await cell(page, '2027-03-03').getAttribute('data-kind')).toBe('unknown');
    await page.close();
  });

  it('sets one day by hand, then imports 2027 from a checked CSV file', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/admin/calendar?year=2026');
    const form = page.getByTestId('calendar-day-form');
    await form.getByLabel('日期').click();
    await form.getByLabel('日期').fill('2026-11-04');
    await form.getByLabel('日期').press('Enter');
    await form.getByLabel('名称').fill('地方性假日');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('calendar-import-result').first().textContent()).toContain('已导入（第 1 次）');
    await expect.poll(() => cell(page, '2026-11-04').getAttribute('data-kind')).toBe('holiday');

    await page.locator('input[type="file"]').setInputFiles({ name: '2027.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_2027) });
    await expect.poll(() => page.getByText('校验通过（试导入，尚未写入）').count()).toBe(1);
    await page.getByTestId('calendar-import-button').click();
    await expect.poll(() => page.getByTestId('calendar-missing-warning').textContent()).toContain('2028 年的节假日安排尚未导入');
    expect(await page.getByTestId('calendar-coverage').textContent()).toContain('2004–2027');
    expect(browser.pageErrors).toEqual([]);
    await page.close();
  });

  it('reads on a 390-px phone without sideways scrolling', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/calendar?year=2026');
    await cell(page, '2026-10-01').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'calendar-390');
    // what the phone shows at once: the top, and the entry forms
    await page.screenshot({ path: path.join(screenshotDir(), 'calendar-390-top.png') });
    await page.getByTestId('calendar-day-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir(), 'calendar-390-forms.png') });
    await page.close();
  });
});
