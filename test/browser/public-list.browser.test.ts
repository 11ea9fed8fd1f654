/**
 * The public portal as people walk it: the list, a search, an item with its flowchart — and imported
 * text that looks like HTML shown as text. Screenshots go to test-results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { type LaunchedBrowser, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const BUNDLED_LIST = path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv');

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir(), `${name}.png`), fullPage: true });
}

/** Waits until the list table shows its rows (the header and data arrive asynchronously). */
async function waitForRows(page: Page): Promise<void> {
  await page.getByTestId('list-row').first().waitFor({ state: 'visible' });
}

/** Waits for mermaid to finish and returns the text of the flowchart's SVG. */
async function flowchartText(page: Page): Promise<string> {
  const svg = page.locator('[data-testid="duty-flowchart"][data-state="ready"] svg');
  await svg.first().waitFor({ state: 'visible', timeout: 30_000 });
  return (await svg.first().textContent()) ?? '';
}

describe('public power list in Chromium', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the seven powers of the bundled list with title and version', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await waitForRows(page);

    expect(await page.getByTestId('list-row').count()).toBe(7);
    expect(await page.getByTestId('list-title').textContent()).toContain('柳州市国家保密局');
    expect(await page.getByTestId('version-tag').textContent()).toBe('第1版');
    await screenshot(page, 'public-list');
    await page.close();
  });

  it('searches 载体 and finds item 1 among fewer hits, with the query in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await waitForRows(page);

    const searchInput = page.getByTestId('search-box').locator('input');
    await searchInput.fill('载体');
    await searchInput.press('Enter');
    await page.getByTestId('search-summary').waitFor({ state: 'visible' });

    expect(new URL(page.url()).searchParams.get('q')).toBe('载体');
    const rows = page.getByTestId('list-row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(7);
    expect(await page.locator('[data-testid="list-row"][data-row-key="1"]').count()).toBe(1);
    expect(await page.locator('[data-testid="list-row"] mark').first().textContent()).toBe('载体');
    await screenshot(page, 'public-list-search');

    // The search survives a reload because it lives in the URL.
    await page.reload();
    await page.getByTestId('search-summary').waitFor({ state: 'visible' });
    expect(await page.getByTestId('list-row').count()).toBe(count);
    await page.close();
  });

  it('opens item 1 and draws its duties as a flowchart', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await waitForRows(page);
    await page.locator('[data-testid="list-row"][data-row-key="1"] [data-testid="item-link"]').click();

    await page.waitForURL(/\/items\/1$/);
    expect(await page.getByTestId('item-title').textContent()).toBe('对非法获取、持有国家秘密载体的处罚');
    const text = await flowchartText(page);
    for (const step of ['立案', '调查取证', '审理']) expect(text).toContain(step);
    expect(await page.getByTestId('citation-card').count()).toBeGreaterThan(0);
    await screenshot(page, 'item-1');

    // On a phone the chart is redrawn top-down and stays readable.
    await page.setViewportSize({ width: 390, height: 844 });
    const topDown = page.locator('[data-testid="duty-flowchart"][data-state="ready"][data-direction="TD"] svg');
    await topDown.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await topDown.textContent()).toContain('调查取证');
    await screenshot(page, 'item-1-narrow');
    await page.close();
  });

  it('answers an unknown item with a Chinese not-found message', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/items/999`);
    await page.getByText('未找到该事项').waitFor({ state: 'visible' });
    await page.close();
  });

  it('reports no script errors on the pages it visited', () => {
    expect(browser.pageErrors.map((error) => error.message)).toEqual([]);
  });
});

describe('imported text that looks like HTML', () => {
  // Cells of the list are HTML; entity-encoded markup in them decodes to text such as
  // `<img src=x onerror=…>`, which the portal must show as text and never turn into elements.
  const NAME_PAYLOAD = '<img src=x data-qz-injected onerror=window.__qzInjected=1>';
  const DUTY_PAYLOAD = '<script>window.__qzInjected=2</script><b data-qz-injected>加粗</b>';
  const BASIS_PAYLOAD = '<iframe data-qz-injected src=javascript:window.__qzInjected=3></iframe>';
  // A step name (no spaces, ≤ 15 characters) that would close a mermaid label and inject markup.
  const STEP_NAME_PAYLOAD = '"]<b>审理</b>';
  const encode = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  let server: TestServer;
  let browser: LaunchedBrowser;
  let listDir: string;

  beforeAll(async () => {
    const bundled = fs.readFileSync(BUNDLED_LIST, 'utf8');
    const name = '对非法获取、持有国家秘密载体的处罚';
    expect(bundled).toContain(`\t${name}\t`);
    expect(bundled).toContain('<p>1.立案责任：');
    expect(bundled).toContain('第四十五条 保密行政管理部门');
    expect(bundled).toContain('<p>3.审理责任：');
    const tampered = bundled
      .replace(`\t${name}\t`, `\t${name}${encode(NAME_PAYLOAD)}\t`)
      .replace('<p>1.立案责任：', `<p>1.立案责任：${encode(DUTY_PAYLOAD)}`)
      .replace('第四十五条 保密行政管理部门', `第四十五条 ${encode(BASIS_PAYLOAD)}保密行政管理部门`)
      .replace('<p>3.审理责任：', `<p>3.${encode(STEP_NAME_PAYLOAD)}责任：`);
    listDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-html-list-'));
    const seedList = path.join(listDir, 'html-ish.tsv');
    fs.writeFileSync(seedList, tampered);
    server = await startTestServer({ seedList });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (listDir) fs.rmSync(listDir, { recursive: true, force: true });
  });

  async function expectNothingInjected(page: Page): Promise<void> {
    expect(await page.locator('[data-qz-injected]').count()).toBe(0);
    expect(await page.locator('img[src="x"], iframe, script:not([src])').count()).toBe(0);
    expect(await page.evaluate('window.__qzInjected')).toBeUndefined();
  }

  it('shows the markup in the list as literal text', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await waitForRows(page);
    const nameLink = page.locator('[data-testid="list-row"][data-row-key="1"] [data-testid="item-link"]');
    expect(await nameLink.textContent()).toContain(NAME_PAYLOAD);
    await expectNothingInjected(page);
    await page.close();
  });

  it('shows the markup on the item page as literal text and still draws the flowchart', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/items/1`);
    const chart = await flowchartText(page);
    expect(chart).toContain('立案');
    expect(chart).toContain(STEP_NAME_PAYLOAD);
    expect(await page.locator('[data-testid="duty-flowchart"] svg b').count()).toBe(0);
    expect(await page.getByTestId('item-title').textContent()).toContain(NAME_PAYLOAD);
    expect(await page.getByTestId('duty-timeline').textContent()).toContain(DUTY_PAYLOAD);
    expect(await page.getByTestId('section-legal-bases').textContent()).toContain(BASIS_PAYLOAD);
    await expectNothingInjected(page);
    await screenshot(page, 'item-1-html-ish');
    await page.close();
  });

  it('shows the markup in search snippets as literal text', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/?q=${encodeURIComponent('加粗')}`);
    await page.getByTestId('search-summary').waitFor({ state: 'visible' });
    expect(await page.getByTestId('list-row').count()).toBe(1);
    await expectNothingInjected(page);
    await page.close();
  });
});
