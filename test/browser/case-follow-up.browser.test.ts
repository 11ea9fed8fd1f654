/**
 * An inspection's finding opens a hazard case from the inspection's page: the follow-up button
 * leads to the new-case form for the hazard item, which says which case it comes from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCase } from '../../src/contracts/cases.js';
import { createAccount, signIn, systemContext, TEST_PASSWORD } from '../helpers/access-fixtures.js';
import { type LaunchedBrowser, launchBrowser } from '../helpers/browser.js';
import { api } from '../helpers/case-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('follow-up cases in Chromium', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let inspection: TCase;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const ctx = systemContext(server.db);
    const officer = await createAccount(ctx, {
      username: 'tan.zhifa',
      displayName: '谭执法',
      grants: [{ role: 'officer', orgCode: 'lz' }],
    });
    const opened = await api<TCase>(server, 'POST', '/api/v1/cases', await signIn(ctx, officer), {
      itemNo: 4,
      facts: { plannedOn: '2026-12-10', content: '涉密设备管理检查' },
    });
    expect(opened.status).toBe(201);
    inspection = opened.body;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers hazard and leak cases from an inspection, and the form names the inspection', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('tan.zhifa');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.baseUrl}/cases/${inspection.id}`);
    await page.getByTestId('open-follow-up-leak-investigation').waitFor({ state: 'visible' });
    await page.getByTestId('open-follow-up-hazard-coercion').click();
    await page.waitForURL(/\/cases\/new\?item=3&from=/);
    const notice = page.getByTestId('opened-from');
    await expect.poll(async () => (await notice.textContent()) ?? '').toContain(inspection.number);
    await page.close();
  });
});
