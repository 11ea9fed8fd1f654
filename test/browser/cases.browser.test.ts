/**
 * A case worked through the UI only, in Chromium: an officer signs in and lands on 我的案件 (with
 * running cases showing 黄牌/红牌), files a penalty case (the server's check-digit error lands under
 * the party's field), takes 决定立案, is refused at 调查取证 with a single certified officer — the
 * refusal quotes the list's own clause and basis — assigns a second officer and goes through. The
 * procedure page shows the coverage table. Screenshots at 1440 and 390 px go to docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import type { TCase } from '../../src/contracts/cases.js';
import { type SeedDemoResult, seedDemo } from '../../src/services/demo/seed-demo.js';
import { registerOfficer } from '../../src/services/officers/register-officer.js';
import { createAccount, type SignedIn, signIn, systemContext, TEST_PASSWORD } from '../helpers/access-fixtures.js';
import { type LaunchedBrowser, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { act, api } from '../helpers/case-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const DOCS_SCREENSHOTS = path.join(PROJECT_ROOT, 'docs', 'screenshots');

async function screenshot(page: Page, name: string, dir = DOCS_SCREENSHOTS): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** A button by its label; antd spaces two-character labels (“立 案”). */
function button(scope: Page | Locator, label: string): Locator {
  const pattern = new RegExp(`^(?:loading)?\\s*${[...label].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
  return scope.getByRole('button', { name: pattern });
}

/**
 * Picks `option` in the antd Select inside `select`, until the select shows it: a click during
 * another popup's closing animation only closes that popup.
 */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  const chosen = select.filter({ hasText: option }).first();
  const within = (locator: Locator) =>
    locator.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (!(await choice.isVisible())) await select.locator('.ant-select-selector, .ant-select-content, .ant-select').first().click();
    if (!(await within(choice))) continue;
    await choice.click();
    if (await within(chosen)) return;
  }
  throw new Error(`could not choose ${option}`);
}

/** Types a date and time into an antd DatePicker and closes its popup. */
async function typeDateTime(page: Page, input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'detached' });
}

/** Today in Beijing, shifted by `days`, as YYYY-MM-DD. */
function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant `days` ago at 10:00 Beijing time (a working hour, whatever the test's own hour). */
function beijingMorning(days: number): string {
  return `${beijingDay(-days)}T10:00:00+08:00`;
}

const VALID_CREDIT_CODE = '91110108MA01XY7K9D';

describe('a case worked through the UI', () => {
  let server: TestServer;
  let origin: string;
  let browser: LaunchedBrowser;
  let page: Page;
  let officerA: { id: string; username: string; session: SignedIn };
  let officerB: { id: string; name: string };
  let caseUrl = '';
  let demo: SeedDemoResult;

  beforeAll(async () => {
    server = await startTestServer();
    origin = server.baseUrl;
    const ctx = systemContext(server.db);
    // The demo first: it is refused once any case exists. Its people skip the first-sign-in password change here.
    demo = await seedDemo(ctx);
    await server.db.updateTable('users').set({ must_change_password: 0 }).where('username', 'like', 'demo.%').execute();
    const officer = async (username: string, displayName: string) => {
      const account = await createAccount(ctx, { username, displayName, grants: [{ role: 'officer', orgCode: 'lz' }] });
      const registered = await registerOfficer(ctx, {
        userId: account.id,
        certificateNumber: `桂执${username.length}${displayName.length}0${Math.floor(Math.random() * 9000 + 1000)}`,
        issuingBody: '广西壮族自治区人民政府',
        validFrom: '2024-01-01',
        validTo: '2030-12-31',
      });
      return { id: registered.id, username, session: await signIn(ctx, account) };
    };
    officerA = await officer('li.zhifa', '李执法');
    const b = await officer('zhou.zhifa', '周执法');
    officerB = { id: b.id, name: '周执法' };

    // Two running cases so the workbench has something to show: an overdue deletion order (红牌) and one due soon.
    for (const [deleteBy, platform] of [
      [beijingDay(-2), '某论坛'],
      [beijingDay(1), '某网盘'],
    ] as const) {
      const opened = await api<TCase>(server, 'POST', '/api/v1/cases', officerA.session, {
        itemNo: 2,
        parties: [{ kind: 'organisation', name: `${platform}运营公司`, creditCode: VALID_CREDIT_CODE }],
        facts: { foundOn: beijingDay(-4), source: '网络巡查' },
        officerIds: [officerA.id, b.id],
      });
      expect(opened.status).toBe(201);
      let kase = await act(
        server,
        officerA.session,
        opened.body,
        'register-finding',
        {
          platform,
          operator: `${platform}运营公司`,
          locator: 'https://example.invalid/t/1',
          summary: '帖子附件疑含涉密文件',
          contentWithheld: true,
        },
        { at: beijingMorning(4) },
      );
      kase = await act(
        server,
        officerA.session,
        kase,
        'notify-operator',
        { servedAt: beijingMorning(3), method: '电子送达', deleteBy, keepRecords: true },
        { at: beijingMorning(3) },
      );
    }

    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, baseURL: origin });
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `failed-cases-${task.name.slice(0, 40).replace(/\W+/g, '-')}`, screenshotDir());
  });

  it('lands an officer on 我的案件 with the next action and deadline cards of each case', async () => {
    await page.goto(`${origin}/login`);
    await page.getByLabel('用户名').fill(officerA.username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await button(page, '登录').click();
    await page.waitForURL(/\/cases$/);
    await page.getByTestId('case-row').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-row').count()).toBe(2);
    const cards = await page.getByTestId('deadline-badge').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-card')));
    expect(cards).toContain('red');
    expect(await page.getByTestId('case-row').first().textContent()).toMatch(/红牌|黄牌/);
    expect(await page.getByTestId('next-action').count()).toBe(2);
    // The deadline explains itself.
    await page.locator('[data-testid="deadline-badge"][data-card="red"]').first().click();
    await page.getByTestId('deadline-explanation').waitFor({ state: 'visible' });
    await screenshot(page, 'cases-workbench');
    await page.keyboard.press('Escape');
    // Filters: only the overdue one.
    await page.getByTestId('due-filter').getByText('已超期').click();
    await page.waitForURL(/due=overdue/);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
  });

  it('files a new case: the server’s check-digit error shows under the field, then the case opens', async () => {
    await page.goto(`${origin}/cases`);
    await page.getByTestId('new-case').click();
    await page.waitForURL(/\/cases\/new/);
    await choose(page, page.getByTestId('item-select'), '对非法获取、持有国家秘密载体的处罚');
    const form = page.getByTestId('new-case-form');
    await form.getByTestId('facts-field-summary').waitFor({ state: 'visible' });
    const party = form.getByTestId('party-row').first();
    await party.getByLabel('单位名称').fill('某科技有限公司');
    await party.getByLabel('统一社会信用代码').fill('91110108MA01XY7K9A');
    await choose(page, form.getByTestId('facts-field-source'), '监督检查发现');
    await form.getByTestId('facts-field-summary').locator('textarea').fill('检查发现该公司员工私自留存涉密文件两份');
    // The officer is preselected: only one officer, as happens in a hurry.
    expect(await form.getByTestId('officer-select').textContent()).toContain('李执法');
    await screenshot(page, 'cases-new');
    await form.getByTestId('open-case').click();
    const creditError = party.locator('.ant-form-item-explain-error');
    await creditError.first().waitFor({ state: 'visible' });
    expect(await creditError.first().textContent()).toMatch(/校验/);
    await party.getByLabel('统一社会信用代码').fill(VALID_CREDIT_CODE);
    await form.getByTestId('open-case').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await page.getByTestId('case-number').waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-number').textContent()).toMatch(/^柳保罚〔\d{4}〕\d+号$/);
    expect(await page.getByTestId('list-version').textContent()).toContain('依据第1版权责清单办理');
  });

  it('takes 决定立案, is refused at 调查取证 with the list’s clause, assigns a second officer and goes through', async () => {
    const nextStep = page.getByTestId('case-next-step');
    await nextStep.getByTestId('action-form').waitFor({ state: 'visible' });
    expect(await nextStep.getByTestId('action-form').getAttribute('data-action')).toBe('file');
    await nextStep.getByTestId('facts-field-approvedBy').locator('input').fill('王局长');
    await nextStep.getByTestId('submit-action').click();
    await page.locator('[data-testid="action-form"][data-action="record-investigation"]').waitFor({ state: 'visible' });

    const investigation = page.locator('[data-testid="action-form"][data-action="record-investigation"]');
    await investigation.getByTestId('facts-field-certificatesShown').getByRole('switch').click();
    await investigation.getByTestId('facts-field-records').locator('textarea').fill('询问笔录一份、现场检查笔录一份');
    await investigation.getByTestId('submit-action').click();
    const refusal = page.locator('[data-testid="refusal"][data-rule="two-certified-officers"]');
    await refusal.waitFor({ state: 'visible' });
    const refusalText = (await refusal.textContent()) ?? '';
    expect(refusalText).toContain('追责情形第3条');
    expect(refusalText).toContain('不具备行政执法资格实施行政强制的');
    expect(refusalText).toContain('追责依据');
    expect(refusalText).toContain('《中华人民共和国行政强制法》第六十一条');
    await screenshot(page, 'cases-refusal');

    // The fix: a second certified officer.
    await page.getByTestId('assign-officers').click();
    const assignSelect = page.getByTestId('assign-select');
    await assignSelect.getByRole('combobox').click();
    await assignSelect.getByRole('combobox').fill(officerB.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: officerB.name }).first().click();
    await expect.poll(() => assignSelect.locator('.ant-select-selection-item').count()).toBe(2);
    await page.locator('.ant-modal-title:visible').click();
    await button(page.locator('.ant-modal-footer:visible'), '保存').click();
    await expect.poll(() => page.getByTestId('case-officer').count()).toBe(2);
    // What was typed is still there; the same form goes through now.
    expect(await investigation.getByTestId('facts-field-records').locator('textarea').inputValue()).toBe('询问笔录一份、现场检查笔录一份');
    await investigation.getByTestId('submit-action').click();
    await page.locator('[data-testid="action-form"][data-action="register-carriers"]').waitFor({ state: 'visible' });
    expect(await page.getByTestId('refusals').count()).toBe(0);
    const timeline = await page.getByTestId('timeline-entry').allTextContents();
    expect(timeline.join('\n')).toContain('完成调查取证');
    // The 90-day decision deadline runs, and says how it was counted.
    await page.locator('[data-testid="deadline-row"]').first().waitFor({ state: 'visible' });
    await screenshot(page, 'cases-case');
  });

  it('reads well on a 390-px phone: cards on the workbench, the next step first on the case', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    try {
      await phone.goto(`${origin}/cases`);
      await phone.getByTestId('case-row').first().waitFor({ state: 'visible' });
      // Cards, not a table, and nothing wider than the screen.
      expect(await phone.locator('table').count()).toBe(0);
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await screenshot(phone, 'cases-workbench-390');
      await phone.goto(caseUrl);
      await phone.locator('[data-testid="action-form"][data-action="register-carriers"]').waitFor({ state: 'visible' });
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await screenshot(phone, 'cases-case-390');
      await phone.goto(`${origin}/cases/new?item=1`);
      await phone.getByTestId('facts-field-summary').waitFor({ state: 'visible' });
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await screenshot(phone, 'cases-new-390');
      await phone.goto(`${origin}/procedures/1`);
      await phone.getByTestId('coverage').waitFor({ state: 'visible' });
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await screenshot(phone, 'cases-procedure-390');
    } finally {
      await phone.close();
    }
  });

  it('shows the procedure with its coverage table', async () => {
    await page.goto(`${origin}/procedures/1`);
    await page.getByTestId('coverage').waitFor({ state: 'visible' });
    const rows = await page.getByTestId('coverage-row').allTextContents();
    expect(rows.length).toBe(7);
    expect(rows.find((row) => row.includes('不具备行政执法资格'))).toContain('执法人员不少于两人且持有效执法证');
    expect(rows.some((row) => row.includes('需人工判断'))).toBe(true);
    expect(await page.getByTestId('procedure-step').count()).toBe(10);
    await screenshot(page, 'cases-procedure');
  });

  it('tells the officer when someone else changed the case meanwhile, and reloads it', async () => {
    await page.goto(caseUrl);
    const form = page.locator('[data-testid="action-form"][data-action="register-carriers"]');
    await form.waitFor({ state: 'visible' });
    const row = form.getByTestId('facts-row-carriers').first();
    await row.getByTestId('facts-field-title').locator('input').fill('某型号产品总装图');
    await choose(page, row.getByTestId('facts-field-level'), '机密');
    await row.getByTestId('facts-field-quantity').locator('input').fill('2');
    await row.getByTestId('facts-field-source').locator('input').fill('原工作单位');
    await row.getByTestId('facts-field-spread').locator('input').fill('未发现扩散');
    await row.getByTestId('facts-field-measure').locator('input').fill('已收缴封存');

    // Meanwhile the colleague registers the carriers from another computer.
    const id = caseUrl.split('/').pop() ?? '';
    const current = await api<TCase>(server, 'GET', `/api/v1/cases/${id}`, officerA.session);
    await act(server, officerA.session, current.body, 'register-carriers', {
      carriers: [
        { title: '某项目技术协议', level: '秘密', quantity: 1, source: '原工作单位', spread: '未发现扩散', measure: '已收缴封存' },
      ],
      inventoryIssuedOn: beijingDay(),
    });

    await form.getByTestId('submit-action').click();
    await page.getByTestId('stale').waitFor({ state: 'visible' });
    expect(await page.getByTestId('stale').textContent()).toContain('已被他人更新');
    await page.getByTestId('reload-case').click();
    // The case is at 审理 now, which a legal reviewer does: nothing for this officer to do.
    await page.getByTestId('no-actions').waitFor({ state: 'visible' });
    expect(await page.getByTestId('no-actions').textContent()).toContain('法制审核员');
  });

  it('lets an officer continue past an overridable refusal with a recorded reason (a measure taken at night)', async () => {
    const day = beijingDay(-1);
    const opened = await api<TCase>(server, 'POST', '/api/v1/cases', officerA.session, {
      itemNo: 3,
      parties: [{ kind: 'organisation', name: '柳州某研究所', creditCode: '12440300000000019G' }],
      facts: { foundOn: day, unit: '柳州某研究所' },
      officerIds: [officerA.id, officerB.id],
    });
    expect(opened.status).toBe(201);
    let kase = await act(
      server,
      officerA.session,
      opened.body,
      'record-hazard',
      { hazardType: '设备', description: '涉密计算机连接互联网', inspectedOn: day, certificatesShown: true },
      { at: `${day}T10:00:00+08:00` },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'notify-unit',
      {
        servedAt: `${day}T11:00:00+08:00`,
        method: '直接送达',
        measure: '责令停止使用',
        reasons: '存在泄密隐患',
        basisIndex: 0,
        rightsStated: true,
      },
      { at: `${day}T11:00:00+08:00` },
    );

    await page.goto(`${origin}/cases/${kase.id}`);
    const form = page.locator('[data-testid="action-form"][data-action="apply-measure"]');
    await form.waitFor({ state: 'visible' });
    const night = `${day} 23:00`;
    await typeDateTime(page, form.getByTestId('facts-field-executedAt').locator('input'), night);
    await choose(page, form.getByTestId('facts-field-measure'), '责令停止使用');
    await choose(page, form.getByTestId('facts-field-basisIndex'), '《');
    await form.getByTestId('facts-field-certificatesShown').getByRole('switch').click();
    // Recorded afterwards: it happened last night.
    await form.getByText('补录：此事发生在较早时间').click();
    await typeDateTime(page, form.locator('#at, [id$="_at"]').first(), night);
    expect(await form.getByTestId('facts-field-measure').textContent()).toContain('责令停止使用');
    await form.getByTestId('submit-action').click();
    const refusal = page.locator('[data-testid="refusal"][data-rule="coercion-night-holiday"]');
    await refusal.waitFor({ state: 'visible' });
    expect(await refusal.textContent()).toContain('追责');
    await page.getByTestId('override').locator('textarea').fill('设备仍在向外发送数据，须连夜断网封存');
    await screenshot(page, 'cases-override');
    await page.getByTestId('override-submit').click();
    await page.locator('[data-testid="finding"][data-rule="coercion-night-holiday"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="finding"][data-rule="coercion-night-holiday"]').textContent()).toContain('须连夜断网封存');
    expect(await page.getByTestId('case-steps').textContent()).toContain('监督');
  });

  it('shows the demo seed as a living workbench, a linked case with a finding, and the head deciding item by item', async () => {
    const account = (username: string) => demo.accounts.find((a) => a.username === username) as SeedDemoResult['accounts'][number];
    const caseOf = (itemNo: number, step: string) => demo.cases.find((c) => c.itemNo === itemNo && c.step === step);
    const signInAs = async (username: string) => {
      await page.context().clearCookies();
      await page.goto(`${origin}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(account(username).password);
      await button(page, '登录').click();
      await page.waitForURL(/\/cases$/);
    };

    await signInAs('demo.liming');
    await page.getByTestId('case-row').first().waitFor({ state: 'visible' });
    await page.getByTestId('scope').getByText('本单位全部').click();
    await page.waitForURL(/scope=all/);
    await expect.poll(() => page.getByTestId('case-row').count()).toBeGreaterThanOrEqual(13);
    const cards = await page.getByTestId('deadline-badge').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-card')));
    expect(cards).toContain('red');
    expect(cards).toContain('yellow');
    await screenshot(page, 'cases-demo-workbench');

    // The notice was served already: the form offers what moves the case on, not serving it again.
    await page.goto(`${origin}/cases/${caseOf(1, '告知')?.id}`);
    await page.getByTestId('action-form').waitFor({ state: 'visible' });
    expect(await page.getByTestId('action-form').getAttribute('data-action')).not.toBe('notify-party');

    const hazard = demo.cases.find((c) => c.itemNo === 3);
    await page.goto(`${origin}/cases/${hazard?.id}`);
    await page.getByTestId('case-link-row').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-link-row').first().textContent()).toContain('柳保检');
    const finding = page.locator('[data-testid="finding"][data-rule="coercion-night-holiday"]');
    expect(await finding.textContent()).toContain('须连夜断网封存');
    await screenshot(page, 'cases-demo-linked');
    // Navigable both ways.
    await page.getByTestId('case-link-row').first().getByRole('link').click();
    await page.getByTestId('case-link-row').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-link-row').first().textContent()).toContain('由本案引出');

    await signInAs('demo.huangjg');
    const publication = caseOf(6, '审查');
    await page.goto(`${origin}/cases/${publication?.id}`);
    const decide = page.locator('[data-testid="action-form"][data-action="decide-items"]');
    await decide.waitFor({ state: 'visible' });
    const row = decide.getByTestId('facts-row-decisions').first();
    await row.getByTestId('facts-field-item').locator('input').fill('重点项目清单');
    await choose(page, row.getByTestId('facts-field-decision'), '可以公开');
    await row.getByTestId('facts-field-reasons').locator('textarea').fill('不涉及国家秘密');
    await choose(page, decide.getByTestId('facts-field-basisIndex'), '《');
    await page
      .locator('.ant-select-dropdown:visible')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => {});
    await screenshot(page, 'cases-demo-decide');
    await decide.getByTestId('submit-action').click();
    await page
      .locator('[data-testid="action-form"][data-action="answer"]')
      .or(page.getByTestId('no-actions'))
      .first()
      .waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-steps').textContent()).toContain('送达');
  });

  it('met no script errors', () => {
    expect(browser.pageErrors.map((error) => error.message)).toEqual([]);
  });
});
