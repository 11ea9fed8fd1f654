/**
 * Deadlines in the browser: an officer suspends the clock of an approval's one-time-notice deadline
 * while the applicant explains itself, a head extends it; each recount shows on the case page, and
 * the officer is never offered the extension (only a head may approve one).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCase } from '../../src/contracts/cases.js';
import { createAccount, signIn, systemContext, TEST_PASSWORD } from '../helpers/access-fixtures.js';
import { type LaunchedBrowser, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { api } from '../helpers/case-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The Asia/Shanghai date `days` from today. */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe('case deadlines in Chromium', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let caseId: string;
  const people = { officer: 'xu.zhifa', head: 'fu.zeren' };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const ctx = systemContext(server.db);
    const officer = await createAccount(ctx, {
      username: people.officer,
      displayName: '徐执法',
      grants: [{ role: 'officer', orgCode: 'lz' }],
    });
    await createAccount(ctx, { username: people.head, displayName: '傅负责', grants: [{ role: 'head', orgCode: 'lz' }] });
    const opened = await api<TCase>(server, 'POST', '/api/v1/cases', await signIn(ctx, officer), {
      itemNo: 7,
      facts: { receivedAt: `${shanghaiDay(-1)}T02:00:00Z`, systemName: '某单位涉密办公网' },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signInAs(username: string): Promise<Page> {
    const page = await browser.newPage();
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.baseUrl}/cases/${caseId}`);
    await page.getByTestId('deadline-row').first().click();
    return page;
  }

  async function dueShown(page: Page): Promise<string> {
    return (await page.locator('[data-testid="deadline-row"][data-deadline="completeness-notice"]').textContent()) ?? '';
  }

  it('lets the officer suspend the clock, with a reason, and shows the recount', async () => {
    const page = await signInAs(people.officer);
    expect(await page.getByTestId('extend-deadline').count()).toBe(0);
    const before = await dueShown(page);
    await page.getByTestId('suspend-deadline').click();
    const form = page.getByTestId('deadline-adjust-form');
    await form.getByLabel('中止起始日').fill(shanghaiDay(0));
    await form.getByLabel('中止起始日').press('Enter');
    await form.getByLabel('中止结束日').fill(shanghaiDay(2));
    await form.getByLabel('中止结束日').press('Enter');
    await form.getByLabel('中止理由').fill('等待申请单位说明系统边界');
    await page.screenshot({ path: path.join(screenshotDir(), 'case-deadline-suspend.png') });
    await page.getByRole('button', { name: '中止计算' }).last().click();
    await page.getByText('已中止期限计算').waitFor({ state: 'visible' });
    await expect.poll(() => dueShown(page)).not.toBe(before);
    expect((await page.getByTestId('timeline-entry').allTextContents()).join('')).toContain('中止期限计算');
    await page.close();
  });

  it('lets the head extend it', async () => {
    const page = await signInAs(people.head);
    const before = await dueShown(page);
    await page.getByTestId('extend-deadline').click();
    const form = page.getByTestId('deadline-adjust-form');
    await form.getByLabel('延长天数').fill('3');
    await form.getByLabel('延长理由').fill('材料较多，经负责人批准延长');
    await page.getByRole('button', { name: '延长期限' }).last().click();
    await page.getByText('已延长期限').waitFor({ state: 'visible' });
    await expect.poll(() => dueShown(page)).not.toBe(before);
    await page.close();
  });
});
