/**
 * Sign-in and administration as people walk them in Chromium: first-run setup from the console
 * link, an administrator binding an authenticator at first sign-in, creating a user, the 三员
 * separation refused in the server's words, the auditor searching the log and verifying (then
 * catching a tampered record), an ended session sent to the sign-in page and back — and text typed
 * by people that looks like HTML shown as text on every page that shows it. Also the legal-source
 * markers on the item page and a registry change with the items it affects.
 * TOTP codes are computed here with otplib from the secret the page shows.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { generate } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, systemContext, TEST_PASSWORD, type TestAccount } from '../helpers/access-fixtures.js';
import { type LaunchedBrowser, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir(), `${name}.png`), fullPage: true });
}

/** After a failed test, a screenshot of where the page stood (test-results/failed-….png). */
function screenshotOnFailure(currentPage: () => Page | undefined): void {
  afterEach(async ({ task }) => {
    const page = currentPage();
    if (task.result?.state !== 'fail' || !page) return;
    const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    await screenshot(page, `failed-${name}`).catch(() => {});
  });
}

/** The authenticator secrets the pages showed, and the last time step used per account (codes are single-use). */
class Authenticators {
  private readonly secrets = new Map<string, string>();
  private readonly lastEpoch = new Map<string, number>();

  remember(username: string, secret: string): void {
    this.secrets.set(username, secret);
  }

  has(username: string): boolean {
    return this.secrets.has(username);
  }

  /** A code the server has not seen yet: the next 30-second step when this one was used (±1 step is accepted). */
  async code(username: string): Promise<string> {
    const secret = this.secrets.get(username);
    if (!secret) throw new Error(`no authenticator for ${username}`);
    const now = Math.floor(Date.now() / 1000);
    const last = this.lastEpoch.get(username);
    const epoch = last !== undefined && Math.floor(last / 30) >= Math.floor(now / 30) ? last + 30 : now;
    this.lastEpoch.set(username, epoch);
    return generate({ secret, epoch });
  }
}

/**
 * Registers the authenticator `createAccount` enrolled for an administrator: an administrator role
 * goes only to an account whose owner enrolled one (assign-role.ts), so the fixture stands in for
 * that enrolment and the page asks such an account for a code, never shows a QR code.
 */
async function rememberEnrolled(db: TestServer['db'], authenticators: Authenticators, account: TestAccount): Promise<void> {
  const user = await db.selectFrom('users').select(['totp_enabled', 'totp_secret']).where('id', '=', account.id).executeTakeFirstOrThrow();
  expect(user.totp_enabled).toBe(1);
  if (user.totp_secret === null) throw new Error(`no enrolled authenticator for ${account.username}`);
  authenticators.remember(account.username, user.totp_secret);
}

/** Waits until the sign-in page moved on (to its next step or away from /login). */
async function waitForLoginStep(page: Page): Promise<'code' | 'done' | 'error'> {
  const codeStep = page
    .getByTestId('totp-form')
    .waitFor({ state: 'visible' })
    .then(() => 'code' as const);
  const left = page.waitForURL((url) => url.pathname !== '/login').then(() => 'done' as const);
  const refused = page
    .getByTestId('server-error')
    .waitFor({ state: 'visible' })
    .then(() => 'error' as const);
  return Promise.race([codeStep, left, refused]);
}

/** Signs in through the page, binding an authenticator when the server asks for one. */
async function signIn(
  page: Page,
  authenticators: Authenticators,
  account: { username: string; password: string },
  next?: string,
): Promise<void> {
  // Another person at the same browser: whoever was signed in is gone first.
  await page.context().clearCookies();
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await button(page, '登录').click();
  const step = await waitForLoginStep(page);
  if (step === 'error') throw new Error(`sign-in refused: ${await page.getByTestId('server-error').textContent()}`);
  if (step === 'done') return;
  const secretText = page.getByTestId('totp-secret');
  if (await secretText.isVisible()) {
    // Enrolment: the secret is shown grouped in fours; the QR code carries the same otpauth URI.
    const secret = ((await secretText.textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByTestId('totp-uri').textContent()).toContain(`secret=${secret}`);
    expect(await page.locator('[data-testid="totp-enrolment"] canvas, [data-testid="totp-enrolment"] svg').count()).toBeGreaterThan(0);
    authenticators.remember(account.username, secret);
  }
  await page
    .getByTestId('totp-form')
    .getByRole('textbox')
    .fill(await authenticators.code(account.username));
  await page.getByTestId('totp-form').getByRole('button').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * A button by its label. antd puts a space between the two characters of a two-character Chinese
 * label (“登 录”), so the label is matched with optional spaces between characters; a button that
 * was loading may keep its spinner's "loading" label in its accessible name while it fades out.
 */
function button(page: Page | Locator, label: string): Locator {
  const pattern = new RegExp(`^(?:loading)?\\s*${[...label].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
  return page.getByRole('button', { name: pattern });
}

/** Closes an open dropdown menu and waits until it is gone. */
async function closeMenu(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'hidden' });
}

/** The text of the page's form-field error messages. */
async function fieldErrors(page: Page): Promise<string> {
  await page.locator('.ant-form-item-explain-error').first().waitFor({ state: 'visible' });
  return (await page.locator('.ant-form-item-explain-error').allTextContents()).join('\n');
}

/** Waits until nothing on the page is animating (a modal zooming in, a dropdown sliding down). */
async function settle(page: Page): Promise<void> {
  // A function, not a string: the page's CSP forbids evaluating strings. (Node's types know no DOM.)
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: { getAnimations(): unknown[] } };
    return document.getAnimations().length === 0;
  });
}

/** Picks `label` in the antd Select of the form item labelled `field`. */
async function choose(page: Page, scope: string, field: string, label: string): Promise<void> {
  await page.locator(scope).getByLabel(field).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

describe('sign-in and administration in Chromium', () => {
  const ADMIN = { username: 'admin', displayName: '张系统', password: 'Liuzhou-Secrecy-Bureau-Passphrase-2026' };
  const authenticators = new Authenticators();
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let securityAdmin: TestAccount;
  let auditor: TestAccount;
  /** the initial password the page showed once li.zhifa was created */
  let officerPassword = '';

  beforeAll(async () => {
    server = await startTestServer();
    // Relative page.goto paths resolve against the server.
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  screenshotOnFailure(() => page);

  it('creates the first system administrator from the setup link, showing the password policy under the field', async () => {
    const link = server.setupLink;
    expect(link).not.toBeNull();
    const hash = new URL(link?.url ?? '').hash;
    expect(hash).toMatch(/^#token=/);
    await page.goto(`${server.baseUrl}/setup${hash}`);
    await page.getByTestId('setup-form').waitFor({ state: 'visible' });
    // The one-time token leaves the address bar as soon as the page has read it.
    expect(new URL(page.url()).hash).toBe('');

    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('姓名').fill(ADMIN.displayName);
    await page.getByLabel('密码', { exact: true }).fill('password1234');
    await page.getByLabel('确认密码').fill('password1234');
    await button(page, '创建系统管理员').click();
    expect(await fieldErrors(page)).toContain('常见弱密码');
    expect(await page.getByTestId('server-error').textContent()).toContain('密码不符合安全要求');
    await screenshot(page, 'admin-setup-policy');

    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await button(page, '创建系统管理员').click();
    await page.getByText(`系统管理员 ${ADMIN.displayName} 已创建`).waitFor({ state: 'visible' });
    await button(page, '前往登录').click();
    await page.waitForURL(/\/login$/);
    expect(await page.getByLabel('用户名').inputValue()).toBe(ADMIN.username);
  });

  it('signs the administrator in with a newly bound authenticator and shows name and roles in the header', async () => {
    await signIn(page, authenticators, ADMIN, '/admin');
    expect(authenticators.has(ADMIN.username)).toBe(true);
    await page.waitForURL(/\/admin\/users$/);
    expect(await page.getByTestId('user-menu').textContent()).toContain(ADMIN.displayName);
    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('user-menu-roles').textContent()).toBe('系统管理员');
    for (const entry of ['管理', '修改密码', '退出登录', '退出所有设备']) {
      await page.locator('.ant-dropdown-menu-item:visible', { hasText: new RegExp(`^${entry}$`) }).waitFor({ state: 'visible' });
    }
    await closeMenu(page);
    // The side menu offers what a system administrator may use, and not the auditor's page.
    const menu = (await page.getByTestId('admin-menu').textContent()) ?? '';
    expect(menu).toContain('用户管理');
    expect(menu).toContain('执法人员与执法证');
    expect(menu).not.toContain('审计日志');
    expect(menu).not.toContain('角色与权限');
  });

  it('creates a user, sending the session CSRF token with the request', async () => {
    const csrfHeaders: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/users')
        csrfHeaders.push(request.headers()['x-csrf-token']);
    });
    await page.getByTestId('create-user').click();
    const form = '[data-testid="create-user-form"]';
    await page.locator(form).getByLabel('用户名').fill('li.zhifa');
    await page.locator(form).getByLabel('姓名').fill('李执法');
    await button(page.locator(form), '随机生成').click();
    await button(page, '创建').click();
    await page.locator('[data-testid="user-row"][data-username="li.zhifa"]').waitFor({ state: 'visible' });
    expect(csrfHeaders).toHaveLength(1);
    expect(csrfHeaders[0]).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const row = page.locator('[data-testid="user-row"][data-username="li.zhifa"]');
    expect(await row.textContent()).toContain('待改初始密码');
    // The initial password is shown once, to be handed to the person.
    officerPassword =
      (await page.getByTestId('created-account').filter({ hasText: 'li.zhifa' }).getByTestId('created-password').textContent()) ?? '';
    expect(officerPassword.length).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'admin-users');
  });

  it('sends a session that ended to the sign-in page and back to the page afterwards', async () => {
    await browser.context.clearCookies();
    // The next request of the page meets a 401: the sign-in page opens with a return path and the reason.
    await page.getByText('已停用', { exact: true }).click();
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await page.getByTestId('login-reason').waitFor({ state: 'visible' });
    // Signing in again asks for a code from the bound authenticator (no new enrolment) and returns.
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await button(page, '登录').click();
    await page.getByTestId('totp-form').waitFor({ state: 'visible' });
    expect(await page.getByTestId('totp-secret').count()).toBe(0);
    await page
      .getByTestId('totp-form')
      .getByRole('textbox')
      .fill(await authenticators.code(ADMIN.username));
    await page.getByTestId('totp-form').getByRole('button').click();
    await page.waitForURL(/\/admin\/users$/);

    // A page opened without a session goes to sign-in directly.
    await browser.context.clearCookies();
    await page.goto('/admin/roles');
    await page.waitForURL(/\/login\?next=%2Fadmin%2Froles$/);
  });

  it('locks the account after five failures: even the right password is then refused, in the words of a wrong one', async () => {
    await page.goto('/login');
    /** One sign-in attempt as li.zhifa: the status and problem text of the answer, and what the page shows. */
    const attempt = async (password: string) => {
      await page.getByLabel('用户名').fill('li.zhifa');
      await page.getByLabel('密码').fill(password);
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/auth/login');
      await button(page, '登录').click();
      const response = await answered;
      const { detail } = (await response.json()) as { detail?: string };
      const shown = page.getByTestId('server-error').filter({ hasText: detail ?? '' });
      await shown.waitFor({ state: 'visible' });
      return { status: response.status(), detail, shown: (await shown.textContent()) ?? '' };
    };
    const wrong: { status: number; detail?: string | undefined }[] = [];
    for (let n = 0; n < 5; n += 1) wrong.push(await attempt(`wrong-password-${n}`));
    expect(wrong.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    expect(wrong[0]?.detail).toContain('用户名或密码不正确');

    // Locked now: the right password gets exactly the answer a wrong one gets, so the page does not
    // tell anyone probing that the account exists or is locked.
    const right = await attempt(officerPassword);
    expect(right.status).toBe(401);
    expect(right.detail).toBe(wrong[4]?.detail);
    expect(right.shown).toContain('用户名或密码不正确');
    expect(right.shown).not.toContain('已暂时锁定');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'admin-login-locked');

    // The server knows it was the lock: the account carries it and the audit log names the refusal.
    const officer = await server.db
      .selectFrom('users')
      .select(['id', 'failed_logins', 'locked_until'])
      .where('username', '=', 'li.zhifa')
      .executeTakeFirstOrThrow();
    expect(officer.failed_logins).toBe(5);
    expect(officer.locked_until).not.toBeNull();
    const refusals = await server.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'session.login-refused')
      .where('target_id', '=', officer.id)
      .execute();
    expect(refusals.map((record) => (JSON.parse(record.details) as { reason?: string }).reason)).toEqual(['locked']);
  });

  it('lets the security administrator grant roles and shows the 三员 refusal as the server words it', async () => {
    // Made after setup: the setup link works only while no account exists. Under 三员分立 the other
    // two administrators choose their own password and enrol their authenticator (三员初始化); the
    // fixture stands in for both, so they sign in with a code straight away.
    const ctx = systemContext(server.db);
    securityAdmin = await createAccount(ctx, {
      username: 'secadmin',
      displayName: '王安全',
      grants: [{ role: 'security-admin', orgCode: 'lz', scope: 'subtree' }],
    });
    auditor = await createAccount(ctx, {
      username: 'auditor',
      displayName: '赵审计',
      grants: [{ role: 'security-auditor', orgCode: 'lz', scope: 'subtree' }],
    });
    await rememberEnrolled(server.db, authenticators, securityAdmin);
    await rememberEnrolled(server.db, authenticators, auditor);
    await signIn(page, authenticators, securityAdmin, '/admin/roles');
    await page.goto('/admin/roles');
    const auditorRow = page.locator(`[data-testid="roles-row"][data-username="${auditor.username}"]`);
    await auditorRow.waitFor({ state: 'visible' });
    expect(await auditorRow.textContent()).toContain('安全审计员');

    // The auditor may not also be system administrator: the server refuses, the dialog says why.
    await auditorRow.getByTestId('assign-role').click();
    await choose(page, '[data-testid="assign-role-form"]', '角色', '系统管理员');
    await button(page, '授予').click();
    const refusal = page.getByTestId('server-error');
    await refusal.waitFor({ state: 'visible' });
    expect(await refusal.textContent()).toMatch(/三员|兼任/);
    await screenshot(page, 'admin-roles-refusal');
    await button(page, '取消').click();

    // A business role is granted and shows on the account's row.
    const officerRow = page.locator('[data-testid="roles-row"][data-username="li.zhifa"]');
    await officerRow.getByTestId('assign-role').click();
    await choose(page, '[data-testid="assign-role-form"]', '角色', '执法人员');
    await button(page, '授予').click();
    await officerRow.getByText('执法人员 · 柳州市国家保密局').waitFor({ state: 'visible' });

    // The policy table is the server's.
    await page.getByRole('tab', { name: '权限对照表' }).click();
    expect(await page.getByTestId('policy-table').textContent()).toContain('audit.verify');
  });

  it('shows the audit log to the auditor, verifies the chain and names a tampered record', async () => {
    await signIn(page, authenticators, auditor, '/admin/audit');
    await page.goto('/admin/audit?action=role.');
    await page.getByTestId('audit-row').first().waitFor({ state: 'visible' });
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    expect(actions).toContain('role.grant');
    expect(actions.every((action) => action?.startsWith('role.'))).toBe(true);

    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result').waitFor({ state: 'visible' });
    expect(await page.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('verify-result').textContent()).toContain('哈希链完整');
    await screenshot(page, 'admin-audit');

    // Someone with database access edits one record: the next verification names it.
    await sql`DROP TRIGGER audit_log_no_update`.execute(server.db);
    const victim = await server.db
      .selectFrom('audit_log')
      .select(['id', 'seq'])
      .where('action', '=', 'user.create')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await server.db.updateTable('audit_log').set({ actor_name: '冒名者' }).where('id', '=', victim.id).execute();
    await page.getByTestId('verify-chain').click();
    await page.locator('[data-testid="verify-result"][data-ok="false"]').waitFor({ state: 'visible' });
    const verdict = (await page.getByTestId('verify-result').textContent()) ?? '';
    expect(verdict).toContain(`第 ${victim.seq} 条记录处断开`);
    expect(verdict).toContain(victim.id);
    await screenshot(page, 'admin-audit-broken');
  });

  it('reports no script errors on the pages it visited', () => {
    expect(browser.pageErrors.map((error) => error.message)).toEqual([]);
  });
});

describe('text people typed that looks like HTML', () => {
  const NAME = '<img src=x data-xss onerror=window.__xss=1>';
  const ISSUER = '<script>window.__xss=2</script>自治区<b data-xss>保密局</b>';
  const PARTY = '<svg data-xss onload=window.__xss=3>';
  const REASON = '<img src=x data-xss onerror=window.__xss=4>亲属关系';
  const authenticators = new Authenticators();
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let admin: TestAccount;
  let head: TestAccount;
  let securityAdmin: TestAccount;
  let auditor: TestAccount;
  const xssUser = { username: 'xss.user', password: 'Xss-User-Initial-Passphrase-2026' };

  async function expectNothingInjected(): Promise<void> {
    expect(await page.locator('[data-xss], img[src="x"], svg[onload]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const ctx = systemContext(server.db);
    admin = await createAccount(ctx, {
      username: 'sysadmin',
      displayName: '系统管理员甲',
      grants: [{ role: 'system-admin', orgCode: 'lz', scope: 'subtree' }],
    });
    head = await createAccount(ctx, { username: 'fuzeren', displayName: '负责人乙', grants: [{ role: 'head', orgCode: 'lz' }] });
    securityAdmin = await createAccount(ctx, {
      username: 'secadmin',
      grants: [{ role: 'security-admin', orgCode: 'lz', scope: 'subtree' }],
    });
    auditor = await createAccount(ctx, { username: 'auditor', grants: [{ role: 'security-auditor', orgCode: 'lz', scope: 'subtree' }] });
    for (const account of [admin, securityAdmin, auditor]) await rememberEnrolled(server.db, authenticators, account);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  screenshotOnFailure(() => page);

  it('is stored through the forms and shown as text to the system administrator', async () => {
    await signIn(page, authenticators, admin, '/admin/users');
    await page.goto('/admin/users');
    await page.getByTestId('create-user').click();
    const form = '[data-testid="create-user-form"]';
    await page.locator(form).getByLabel('用户名').fill(xssUser.username);
    await page.locator(form).getByLabel('姓名').fill(NAME);
    await page.locator(form).getByLabel('初始密码').fill(xssUser.password);
    await button(page, '创建').click();
    const row = page.locator(`[data-testid="user-row"][data-username="${xssUser.username}"]`);
    await row.waitFor({ state: 'visible' });
    expect(await row.getByTestId('user-display-name').textContent()).toBe(NAME);
    await expectNothingInjected();
  });

  it('is picked from the account list by a head (负责人), who may register officers but not read accounts', async () => {
    const officerForm = '[data-testid="officer-form"]';
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    /** Opens the register form and its account list, and waits until both stopped moving. */
    const openAccountList = async () => {
      await page.goto('/admin/officers');
      await page.getByTestId('register-officer').click();
      await page.locator(officerForm).waitFor({ state: 'visible' });
      await settle(page);
      await page.locator(officerForm).getByLabel('人员账号').click();
      await options.first().waitFor({ state: 'visible' });
      await settle(page);
    };
    await signIn(page, authenticators, head, '/admin/officers');

    // On a phone the form and its list fit the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await openAccountList();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'admin-officer-register-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    await openAccountList();
    // The list holds the bureau's staff accounts, the name looking like HTML shown as text.
    const listed = await options.allTextContents();
    expect(listed).toContain(`${NAME}${xssUser.username}`);
    // 三员分立: the system administrator's own account is no candidate for enforcement.
    expect(listed).not.toContain('系统管理员甲sysadmin');
    expect(listed.length).toBeGreaterThan(1);
    await expectNothingInjected();
    await screenshot(page, 'admin-officer-register-1440');

    // The search matches the display name and the username, nothing else.
    const search = page.locator(officerForm).getByLabel('人员账号');
    await search.fill('onerror');
    await expect.poll(() => options.allTextContents()).toEqual([`${NAME}${xssUser.username}`]);
    await search.fill('zzz-nobody');
    await page.locator('.ant-select-dropdown:visible .ant-empty').waitFor({ state: 'visible' });
    expect(await options.count()).toBe(0);
    await search.fill(xssUser.username);
    await expect.poll(() => options.allTextContents()).toEqual([`${NAME}${xssUser.username}`]);
    await options.first().click();

    await page.locator(officerForm).getByLabel('执法证号').fill('桂保执 2026-0042');
    await page.locator(officerForm).getByLabel('发证机关').fill(ISSUER);
    await page.locator(officerForm).getByLabel('有效期自').fill('2026-01-01');
    await page.locator(officerForm).getByLabel('有效期自').press('Enter');
    await page.locator(officerForm).getByLabel('有效期至').fill('2030-12-31');
    await page.locator(officerForm).getByLabel('有效期至').press('Enter');
    await button(page, '保存').click();
    const officerRow = page.locator(`[data-testid="officer-row"][data-username="${xssUser.username}"]`);
    await officerRow.waitFor({ state: 'visible' });
    expect(await officerRow.getByTestId('officer-name').textContent()).toBe(NAME);
    expect(await officerRow.getByTestId('officer-issuer').textContent()).toBe(ISSUER);
    expect(await officerRow.getByTestId('certificate-status').textContent()).toBe('有效');

    // Registered, the account leaves the list (the others stay).
    await page.locator(officerForm).waitFor({ state: 'hidden' });
    await page.getByTestId('register-officer').click();
    await page.locator(officerForm).getByLabel('人员账号').click();
    await expect
      .poll(async () => {
        const texts = await options.allTextContents();
        return texts.includes('负责人乙fuzeren') && !texts.includes(`${NAME}${xssUser.username}`);
      })
      .toBe(true);
    await button(page.locator('.ant-modal-footer'), '取消').click();
    await page.locator(officerForm).waitFor({ state: 'hidden' });

    // A declared conflict, typed into the form.
    await button(officerRow, '操作').click();
    await page.getByRole('menuitem', { name: '申报利害关系' }).click();
    await page.locator(officerForm).getByLabel('当事人名称').fill(PARTY);
    await page.locator(officerForm).getByLabel('当事人标识').fill('91450200MA5XXXXXX1');
    await page.locator(officerForm).getByLabel('利害关系说明').fill(REASON);
    await button(page, '保存').click();
    await officerRow.getByText('1 项').waitFor({ state: 'visible' });
    await officerRow.locator('.ant-table-row-expand-icon').click();
    const conflict = page.getByTestId('conflict').first();
    await conflict.waitFor({ state: 'visible' });
    expect(await conflict.textContent()).toContain(PARTY);
    expect(await conflict.getByTestId('conflict-reason').textContent()).toBe(REASON);
    await expectNothingInjected();
    await screenshot(page, 'admin-officers-html-ish');
  });

  it('shows the name as text in the header and on the account page of that user', async () => {
    await signIn(page, authenticators, xssUser);
    // An initial password: the account page asks for a new one first.
    await page.waitForURL(/\/account/);
    await page.getByTestId('must-change-password').waitFor({ state: 'visible' });
    expect(await page.getByTestId('user-menu').textContent()).toContain(NAME);
    expect(await page.locator('.ant-descriptions').first().textContent()).toContain(NAME);
    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('user-menu-who').textContent()).toContain(NAME);
    await closeMenu(page);
    await expectNothingInjected();
  });

  it('shows the name as text on the roles page', async () => {
    await signIn(page, authenticators, securityAdmin, '/admin/roles');
    await page.goto('/admin/roles');
    const row = page.locator(`[data-testid="roles-row"][data-username="${xssUser.username}"]`);
    await row.waitFor({ state: 'visible' });
    expect(await row.getByTestId('roles-user-name').textContent()).toBe(NAME);
    await expectNothingInjected();
  });

  it('shows the name as text in the audit log', async () => {
    await signIn(page, authenticators, auditor, '/admin/audit');
    // The auditor searches by the actor's name as recorded (or the account id).
    await page.goto(`/admin/audit?actor=${encodeURIComponent(NAME)}`);
    await page.getByTestId('audit-row').first().waitFor({ state: 'visible' });
    const actors = await page.getByTestId('audit-actor').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.every((actor) => actor === NAME)).toBe(true);
    // The record's details, expanded, are text as well.
    await page.getByTestId('audit-row').first().getByTestId('audit-expand').click();
    const details = page.getByTestId('audit-details').first();
    await details.waitFor({ state: 'visible' });
    expect(await details.textContent()).toContain(xssUser.username);
    await expectNothingInjected();
    await screenshot(page, 'admin-audit-html-ish');
  });

  it('reports no script errors', () => {
    expect(browser.pageErrors.map((error) => error.message)).toEqual([]);
  });
});

describe('legal sources in Chromium', () => {
  const authenticators = new Authenticators();
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let reviewer: TestAccount;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    reviewer = await createAccount(systemContext(server.db), {
      username: 'fazhi',
      displayName: '孙法制',
      password: TEST_PASSWORD,
      // The shared registry belongs to the root organisation: only its legal reviewers (and the
      // installation's system administrator) may change it (registry-owner.ts).
      orgCode: 'gx',
      grants: [{ role: 'legal-reviewer', orgCode: 'gx', scope: 'subtree' }],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  screenshotOnFailure(() => page);

  it('marks the stale citations of item 1 with the current edition and article', async () => {
    await page.goto('/items/1');
    const first = page.getByTestId('section-legal-bases').getByTestId('citation-card').first();
    await first.waitFor({ state: 'visible' });
    expect(await first.getByTestId('citation-notice').textContent()).toBe('已修订');
    expect(await first.getByTestId('citation-current').textContent()).toContain(
      '现行：《中华人民共和国保守国家秘密法》（主席令第20号，2024-05-01施行）第五十二条第二款 · 已核对',
    );
    expect(await page.locator('[data-testid="citation-notice"][data-kind="edition-not-stated"]').count()).toBeGreaterThan(0);
    await page.getByTestId('stale-summary').waitFor({ state: 'visible' });
  });

  it('lists sources, editions with their status and article mappings on the public registry page', async () => {
    await page.goto('/legal-sources');
    await page.getByTestId('legal-source').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('legal-source').count()).toBe(8);
    const baomi = page.locator('#baomi-fa');
    expect(await baomi.getByTestId('edition-status').allTextContents()).toEqual(['已修订', '现行有效']);
    await baomi.getByText('条款对应（6 条）').click();
    expect(await baomi.getByTestId('mapping-table').textContent()).toContain('主席令第28号第四十五条');
    // Readers see no maintenance buttons.
    expect(await page.getByTestId('registry-change').count()).toBe(0);
  });

  it('lets a legal reviewer add an edition, showing the affected items before and after saving', async () => {
    await signIn(page, authenticators, reviewer, '/legal-sources');
    await page.goto('/legal-sources');
    await page.getByTestId('registry-change').click();
    const form = '[data-testid="registry-change-form"]';
    await page.locator(form).getByLabel('版本名称').fill('主席令第99号');
    await page.locator(form).getByLabel('施行日期').fill('2026-11-01');
    await page.locator(form).getByLabel('施行日期').press('Enter');
    await page.getByTestId('registry-preview').click();
    const preview = page.getByTestId('registry-preview-result');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.textContent()).toContain('新增版本 主席令第99号（现行有效，2026-11-01施行），替代 主席令第20号');
    expect(await preview.getByTestId('affected-item').count()).toBeGreaterThan(0);
    expect(await preview.textContent()).toContain('第1项 对非法获取、持有国家秘密载体的处罚');
    await page.getByTestId('registry-save').click();
    const saved = page.getByTestId('registry-saved');
    await saved.waitFor({ state: 'visible' });
    expect(await saved.textContent()).toContain('已保存为法律依据库第 2 版');
    await screenshot(page, 'legal-sources-saved');
    await saved.getByRole('link', { name: /第1项/ }).click();

    // The item page now names the new edition, and says the article is unknown: nobody mapped it yet.
    await page.waitForURL(/\/items\/1$/);
    const first = page.getByTestId('section-legal-bases').getByTestId('citation-card').first();
    await first.getByTestId('citation-current').waitFor({ state: 'visible' });
    const current = (await first.getByTestId('citation-current').textContent()) ?? '';
    expect(current).toContain('主席令第99号');
    expect(current).toContain('对应条款未知');
  });

  it('imports the exported registry as unchanged and refuses a file that is not JSON', async () => {
    const exported = await page.request.get('/api/v1/legal-sources/export');
    expect(exported.status()).toBe(200);
    const body = await exported.body();
    await page.goto('/legal-sources');
    await page.getByTestId('registry-import').click();
    await page
      .getByTestId('registry-import-file')
      .setInputFiles({ name: 'legal-sources.json', mimeType: 'application/json', buffer: body });
    await page.getByTestId('registry-import-unchanged').waitFor({ state: 'visible' });

    await button(page.locator('.ant-modal-footer'), '关闭').click();
    await page.getByTestId('registry-import').click();
    await page
      .getByTestId('registry-import-file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"sources": [') });
    await page.getByTestId('server-error').filter({ hasText: '不是有效的 JSON 文件' }).waitFor({ state: 'visible' });
  });

  it('reports no script errors', () => {
    expect(browser.pageErrors.map((error) => error.message)).toEqual([]);
  });
});
