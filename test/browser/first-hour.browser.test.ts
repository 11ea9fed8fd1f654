/**
 * The first hour of a new bureau, walked through the UI only, in Chromium, on a server opened by
 * its name over plain HTTP (`http://bureau.intranet:PORT`, mapped to 127.0.0.1 by Chromium's host
 * resolver): the operator sees the list; the first administrator sets up the system and invites
 * the security administrator and the auditor by one-time link; each sets their own password and
 * authenticator; a legal reviewer is created and granted; the reviewer imports a new version with a
 * preview; the auditor answers "who changed what". Screenshots at 1440 px go to test-results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { type LaunchedBrowser, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { englishIn } from '../helpers/english-check.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const HOST = 'bureau.intranet';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir(), `${name}.png`), fullPage: true });
}

/** A button by its label; antd spaces two-character labels (“登 录”). */
function button(scope: Page | Locator, label: string): Locator {
  const pattern = new RegExp(`^(?:loading)?\\s*${[...label].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
  return scope.getByRole('button', { name: pattern });
}

/**
 * Codes from the authenticators the pages showed. A code works once per 30-second step, and this
 * walk signs the same people in several times a minute: instead of waiting for the next step, the
 * server's clock (injected) is moved on by a step whenever an account needs a fresh code.
 */
class Authenticators {
  private readonly secrets = new Map<string, string>();
  private readonly lastStep = new Map<string, number>();
  private skewMs = 0;
  /** the server's clock */
  readonly clock = () => new Date(Date.now() + this.skewMs);
  remember(username: string, secret: string): void {
    this.secrets.set(username, secret.replace(/\s+/g, ''));
  }
  async code(username: string): Promise<string> {
    const secret = this.secrets.get(username);
    if (!secret) throw new Error(`no authenticator for ${username}`);
    let step = Math.floor(this.clock().getTime() / 30_000);
    const last = this.lastStep.get(username);
    if (last !== undefined && step <= last) {
      this.skewMs += (last + 1 - step) * 30_000;
      step = last + 1;
    }
    this.lastStep.set(username, step);
    return generate({ secret, epoch: step * 30 + 1 });
  }
}

interface Person {
  username: string;
  displayName: string;
  password: string;
}

/** The English sentences and machine names on the page (a zh-CN page has none). */
async function englishOnPage(page: Page): Promise<string[]> {
  // antd's selects keep a zero-size list of option values for assistive technology, which names
  // each option by its (Chinese) label; the values themselves are never shown.
  const text = await page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: {
        body: { innerText: string };
        querySelectorAll(selector: string): Iterable<{ getBoundingClientRect(): { width: number }; remove(): void }>;
      };
    };
    for (const list of document.querySelectorAll('[role="listbox"]')) if (list.getBoundingClientRect().width === 0) list.remove();
    // Secrets and links shown to be copied are not sentences.
    for (const secret of document.querySelectorAll(
      '[data-testid="created-password"], [data-testid="invitation-link"], [data-testid="totp-secret"], [data-testid="totp-uri"]',
    ))
      secret.remove();
    // biome-ignore lint/performance/useDomNodeTextContent: the text people see, without hidden nodes
    return document.body.innerText;
  });
  return englishIn(text);
}

describe('the first hour, on a server opened by its name', () => {
  const authenticators = new Authenticators();
  const ADMIN: Person = { username: 'admin', displayName: '张系统', password: 'Liuzhou-Secrecy-Bureau-Passphrase-2026' };
  const SECADMIN: Person = { username: 'wang.anquan', displayName: '王安全', password: 'Wang-Anquan-Own-Passphrase-2026' };
  const AUDITOR: Person = { username: 'zhao.shenji', displayName: '赵审计', password: 'Zhao-Shenji-Own-Passphrase-2026' };
  const REVIEWER: Person = { username: 'liu.fazhi', displayName: '刘法制', password: 'Liu-Fazhi-Own-Passphrase-2026' };
  const invitationLinks = new Map<string, string>();
  let reviewerInitialPassword = '';
  let server: TestServer;
  let origin: string;
  let browser: LaunchedBrowser;
  let page: Page;
  const failedRequests: string[] = [];

  /** Signs in through the page; binds an authenticator when the server asks for one. */
  async function signIn(person: Person, password = person.password): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${origin}/login`);
    await page.getByLabel('用户名').fill(person.username);
    await page.getByLabel('密码').fill(password);
    await button(page, '登录').click();
    await page.getByTestId('totp-form').waitFor({ state: 'visible' });
    const secret = page.getByTestId('totp-secret');
    if (await secret.isVisible()) authenticators.remember(person.username, (await secret.textContent()) ?? '');
    await page
      .getByTestId('totp-form')
      .getByRole('textbox')
      .fill(await authenticators.code(person.username));
    await page.getByTestId('totp-form').getByRole('button').click();
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  beforeAll(async () => {
    server = await startTestServer({ clock: authenticators.clock });
    const port = new URL(server.baseUrl).port;
    origin = `http://${HOST}:${port}`;
    browser = await launchBrowser({
      viewport: { width: 1440, height: 900 },
      args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
    });
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    page.on('requestfailed', (request) => failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) await screenshot(page, `failed-first-hour-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  it('serves the list to a browser that opened the server by name over plain HTTP', async () => {
    const response = await page.goto(`${origin}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response?.headers()['strict-transport-security']).toBeUndefined();
    await page.getByTestId('list-row').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('list-row').count()).toBe(7);
    // Every script and stylesheet came over http from the server's name.
    expect(failedRequests).toEqual([]);
    expect(new URL(page.url()).protocol).toBe('http:');
    await screenshot(page, 'first-hour-operator-by-name');
  });

  it('lets the first administrator set up the system and invite the other two administrators', async () => {
    const hash = new URL(server.setupLink?.url ?? '').hash;
    await page.goto(`${origin}/setup${hash}`);
    await page.getByTestId('setup-form').waitFor({ state: 'visible' });
    expect(await page.locator('body').textContent()).toContain('三员初始化');
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('姓名').fill(ADMIN.displayName);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await button(page, '创建系统管理员').click();
    await button(page, '前往登录').click();
    await page.waitForURL(/\/login$/);

    await signIn(ADMIN);
    // The system administrator lands on their own work.
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('admin-bootstrap').waitFor({ state: 'visible' });

    for (const [role, person] of [
      ['security-admin', SECADMIN],
      ['security-auditor', AUDITOR],
    ] as const) {
      const form = page.getByTestId(`invite-form-${role}`);
      await form.getByLabel('姓名').fill(person.displayName);
      await form.getByLabel('用户名').fill(person.username);
      await button(form, '生成邀请链接').click();
      const link = page.getByTestId(`bootstrap-slot-${role}`).getByTestId('invitation-link');
      await link.waitFor({ state: 'visible' });
      const url = ((await link.textContent()) ?? '').trim();
      expect(url.startsWith(`${origin}/invite#token=`)).toBe(true);
      invitationLinks.set(person.username, url);
      await page.locator(`[data-testid="bootstrap-slot-${role}"][data-state="invited"]`).waitFor({ state: 'visible' });
    }
    // The help says truthfully who can reset whose authenticator.
    await page.getByText('三员分立与身份验证器重置说明').click();
    const rules = (await page.getByTestId('totp-reset-rules').textContent()) ?? '';
    expect(rules).toContain('系统管理员也不能');
    expect(rules).toContain('quanze user reset-totp');
    await screenshot(page, 'first-hour-bootstrap-invitations');
    expect(await englishOnPage(page)).toEqual([]);
    // No account exists for them yet: the system administrator never chose their passwords.
    expect(await page.locator(`[data-testid="user-row"][data-username="${SECADMIN.username}"]`).count()).toBe(0);
  });

  it('lets each invitee bind their own authenticator, set their own password and land on their own work', async () => {
    for (const [person, landing] of [
      [SECADMIN, /\/admin\/roles$/],
      [AUDITOR, /\/admin\/audit/],
    ] as const) {
      await page.context().clearCookies();
      await page.goto(invitationLinks.get(person.username) ?? '');
      await page.getByTestId('invitation-details').waitFor({ state: 'visible' });
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.getByTestId('invitation-details').textContent()).toContain(person.displayName);
      authenticators.remember(person.username, (await page.getByTestId('totp-secret').textContent()) ?? '');
      const form = page.getByTestId('invite-form');
      await form.getByLabel('密码', { exact: true }).fill(person.password);
      await form.getByLabel('确认密码').fill(person.password);
      await form.getByLabel('身份验证器中显示的 6 位动态口令').fill(await authenticators.code(person.username));
      if (person === SECADMIN) {
        await screenshot(page, 'first-hour-invite-page');
        expect(await englishOnPage(page)).toEqual([]);
      }
      await button(form, '创建我的账号').click();
      await page.getByText('的账号已创建').waitFor({ state: 'visible' });
      // The link worked once (opened afresh, as from the message it came in).
      await page.goto('about:blank');
      await page.goto(invitationLinks.get(person.username) ?? '');
      await page.getByText('邀请链接无效、已使用或已过期').first().waitFor({ state: 'visible' });

      await signIn(person);
      await page.waitForURL(landing);
    }
  });

  it('lets the system administrator create a legal reviewer and the security administrator grant the role', async () => {
    await signIn(ADMIN);
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('bootstrap-done').waitFor({ state: 'visible' });
    await page.getByTestId('create-user').click();
    const form = page.locator('[data-testid="create-user-form"]');
    await form.getByLabel('用户名').fill(REVIEWER.username);
    await form.getByLabel('姓名').fill(REVIEWER.displayName);
    await button(form, '随机生成').click();
    await button(page, '创建').click();
    // The initial password stays on the page after the dialog closed.
    await page.getByTestId('created-account').waitFor({ state: 'visible' });
    reviewerInitialPassword = ((await page.getByTestId('created-password').textContent()) ?? '').trim();
    expect(reviewerInitialPassword.length).toBeGreaterThanOrEqual(12);
    // The auditor's authenticator cannot be reset here; the menu says where it is done.
    await page.locator(`[data-testid="user-row"][data-username="${AUDITOR.username}"]`).getByTestId('user-actions').click();
    const reset = page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '重置动态口令' });
    expect(await reset.getAttribute('aria-disabled')).toBe('true');
    expect(await reset.textContent()).toContain('quanze user reset-totp');
    await page.keyboard.press('Escape');
    const row = page.locator(`[data-testid="user-row"][data-username="${REVIEWER.username}"]`);
    expect(await row.getByTestId('user-roles').textContent()).toBe('未授予角色');
    const auditorRow = page.locator(`[data-testid="user-row"][data-username="${AUDITOR.username}"]`);
    expect(await auditorRow.getByTestId('user-roles').textContent()).toContain('安全审计员');
    await screenshot(page, 'first-hour-users');
    expect(await englishOnPage(page)).toEqual([]);

    await signIn(SECADMIN);
    await page.waitForURL(/\/admin\/roles$/);
    const reviewerRow = page.locator(`[data-testid="roles-row"][data-username="${REVIEWER.username}"]`);
    await reviewerRow.getByTestId('assign-role').click();
    await page.locator('[data-testid="assign-role-form"]').getByLabel('角色').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '法制审核员' }).first().click();
    await button(page, '授予').click();
    await reviewerRow.getByText('法制审核员 · 柳州市国家保密局').waitFor({ state: 'visible' });
    expect(await englishOnPage(page)).toEqual([]);
  });

  it('lets the legal reviewer import a new version with a preview of what changes', async () => {
    // First sign-in with the initial password: change it, then bind an authenticator in 个人设置? No:
    // business accounts need no authenticator; the server asks only for the password change.
    await page.context().clearCookies();
    await page.goto(`${origin}/login`);
    await page.getByLabel('用户名').fill(REVIEWER.username);
    await page.getByLabel('密码').fill(reviewerInitialPassword);
    await button(page, '登录').click();
    await page.waitForURL(/\/account/);
    await page.getByTestId('must-change-password').waitFor({ state: 'visible' });
    expect(await englishOnPage(page)).toEqual([]);
    await page.getByLabel('当前密码').fill(reviewerInitialPassword);
    await page.getByLabel('新密码', { exact: true }).fill(REVIEWER.password);
    await page.getByLabel('确认新密码').fill(REVIEWER.password);
    await button(page, '修改密码').click();
    // A business role lands on its own work: the case workbench.
    await page.waitForURL((url) => url.pathname === '/cases');

    // The reviewer's menu has the import page.
    await page.goto(`${origin}/admin`);
    await page.getByTestId('admin-menu').getByText('导入清单').click();
    await page.waitForURL(/\/admin\/import$/);
    await page.getByTestId('import-current').waitFor({ state: 'visible' });

    const bundled = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'), 'utf8');
    expect(bundled).toContain('以适当');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-import-'));

    // A large file over a slow line: the page shows how far the upload has come. (The same list padded
    // with blank lines, which the reader skips: the preview finds nothing to change.)
    const large = path.join(dir, '清单-大文件.tsv');
    fs.writeFileSync(large, bundled + '\n'.repeat(1_500_000));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 400 * 1024,
    });
    await page.locator('.ant-upload input[type="file"]').setInputFiles(large);
    await button(page, '检查并预览').click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor({ state: 'visible' });
    await expect
      .poll(async () => (await progress.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/正在上传：[\d.]+ (KB|MB) \/ 1\.\d MB/);
    await screenshot(page, 'first-hour-import-progress');
    await page.getByTestId('import-preview').waitFor({ state: 'visible', timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await page.getByTestId('import-preview-summary').textContent()).toContain('没有变化');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await button(page, '重新选择文件').click();

    const edited = bundled.replace('以适当', '以适当方式');
    const file = path.join(dir, '柳州市保密局权责清单-2026修订.tsv');
    fs.writeFileSync(file, edited);
    await page.locator('.ant-upload input[type="file"]').setInputFiles(file);
    await button(page, '检查并预览').click();
    await page.getByTestId('import-preview').waitFor({ state: 'visible' });
    const summary = (await page.getByTestId('import-preview-summary').textContent()) ?? '';
    expect(summary).toContain('第2版');
    expect(summary).toContain('修改 1 项');
    expect(await page.getByTestId('finding-row').count()).toBeGreaterThan(0);
    // The preview changed nothing yet: the public still sees version 1.
    const stillFirst = await page.request.get(`${server.baseUrl}/api/v1/powerlists/current`);
    expect(((await stillFirst.json()) as { version: { no: number } }).version.no).toBe(1);
    await screenshot(page, 'first-hour-import-preview');
    expect(await englishOnPage(page)).toEqual([]);

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ state: 'visible' });
    expect(await page.getByTestId('import-done').textContent()).toContain('已导入为第2版');
    await screenshot(page, 'first-hour-import-done');
    fs.rmSync(dir, { recursive: true, force: true });

    // The new version's page marks the changed words; 版本记录 says what changed in words.
    await page.getByRole('link', { name: '查看第2版的变化' }).click();
    await page.waitForURL(/\/versions\/2$/);
    const diff = page.getByTestId('word-diff').first();
    await diff.waitFor({ state: 'visible' });
    expect(await diff.locator('ins').allTextContents()).toEqual(['方式']);
    expect(await diff.locator('del').count()).toBe(0);
    await screenshot(page, 'first-hour-version-diff');
    await page.goto(`${origin}/versions`);
    await page.getByTestId('diff-summary').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('diff-summary').first().textContent()).toBe('修改 1 项');
    await page.goto(`${origin}/admin/import`);

    // The maintainers' findings overview: one table for the whole list, filtered, exported.
    await page.getByTestId('admin-menu').getByText('校验问题总览').click();
    await page.waitForURL(/\/admin\/findings$/);
    await page.getByTestId('finding-row').first().waitFor({ state: 'visible' });
    const all = await page.getByTestId('finding-row').count();
    await page.getByTestId('findings-rule').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '内容被截断' }).first().click();
    await page.waitForURL(/rule=truncated-cell/);
    const rowRules = () => page.getByTestId('finding-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rule')));
    await expect.poll(async () => [...new Set(await rowRules())], { timeout: 15_000 }).toEqual(['truncated-cell']);
    expect((await rowRules()).length).toBeLessThan(all);
    const download = page.waitForEvent('download');
    await page.getByTestId('findings-export').click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFF事项,事项名称,位置,问题类型,严重程度,说明')).toBe(true);
    expect(csv).toContain('内容被截断');
    expect(csv).not.toContain('truncated-cell');
    expect(await englishOnPage(page)).toEqual([]);
    await screenshot(page, 'first-hour-findings');
  });

  it('lets the auditor see who changed what', async () => {
    await signIn(AUDITOR);
    await page.waitForURL(/\/admin\/audit/);
    await page.getByTestId('audit-row').first().waitFor({ state: 'visible' });
    // Changes only: no sign-ins, reads or the auditor's own searches.
    await page.getByTestId('audit-changes-only').click();
    const changesAnswered = page.waitForResponse(
      (response) => response.url().includes('/api/v1/audit/records') && response.url().includes('changesOnly=true'),
    );
    await page.getByTestId('audit-search-submit').click();
    await changesAnswered;
    await page.waitForURL(/changesOnly=true/);
    const rowActions = () => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action') ?? ''));
    await expect
      .poll(async () => (await rowActions()).filter((action) => /^session\.|\.(list|read|search|verify)$/.test(action)), {
        timeout: 15_000,
      })
      .toEqual([]);
    const actions = await rowActions();
    expect(actions).toEqual(expect.arrayContaining(['powerlist.import', 'role.grant', 'user.create', 'admin-invitation.accept']));

    // The person filter: a click on the reviewer's name keeps their records only.
    const importRow = page.locator('[data-testid="audit-row"][data-action="powerlist.import"]', { hasText: REVIEWER.displayName }).first();
    const actorAnswered = page.waitForResponse(
      (response) => response.url().includes('/api/v1/audit/records') && response.url().includes('actor='),
    );
    await importRow.getByTestId('audit-actor').click();
    await actorAnswered;
    await page.waitForURL(/actor=/);
    await expect
      .poll(async () => [...new Set(await page.getByTestId('audit-actor').allTextContents())], { timeout: 15_000 })
      .toEqual([REVIEWER.displayName]);
    // The target by name, the details as labelled Chinese fields.
    const reviewerImport = page.locator('[data-testid="audit-row"][data-action="powerlist.import"]').first();
    expect(await reviewerImport.getByTestId('audit-target').textContent()).toContain('第2版');
    await reviewerImport.getByTestId('audit-expand').click();
    const details = (await page.getByTestId('audit-details').first().textContent()) ?? '';
    expect(details).toContain('版本号');
    expect(details).toContain('文件名');
    expect(details).not.toContain('"versionNo"');
    expect(await englishOnPage(page)).toEqual([]);
    await screenshot(page, 'first-hour-audit');

    // The grant of the legal reviewer's role names the account.
    await page.goto(`${origin}/admin/audit?changesOnly=true&action=role.grant`);
    await expect
      .poll(async () => (await page.getByTestId('audit-target').allTextContents()).some((text) => text.includes(REVIEWER.username)), {
        timeout: 15_000,
      })
      .toBe(true);

    // On a phone the row expander is a 32 px target.
    await page.setViewportSize({ width: 390, height: 844 });
    const expander = page.getByTestId('audit-expand').first();
    await expander.waitFor({ state: 'visible' });
    expect((await expander.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(32);
    await screenshot(page, 'first-hour-audit-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('met no script errors', () => {
    expect(browser.pageErrors.map((error) => error.message)).toEqual([]);
  });
});
