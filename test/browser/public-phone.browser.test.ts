/**
 * The public on a phone (390 px) and on a desktop (1440 px): the list without the maintainers'
 * findings, an item with its duties first and its long quotations folded behind a 32 px 展开原文,
 * a search for what people type, the downloads — and no English sentence or rule id on any public
 * page. Screenshots go to test-results/ (public-phone-*.png, public-desktop-*.png).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { englishIn } from '../helpers/english-check.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir(), `${name}.png`), fullPage: true });
  // The first screen as people see it (a phone page is many screens long).
  await page.screenshot({ path: path.join(screenshotDir(), `${name}-first-screen.png`) });
}

/** Every page the public can open, with what shows it has rendered. */
const PUBLIC_PAGES: { path: string; ready: string }[] = [
  { path: '/', ready: '[data-testid="list-row"]' },
  { path: '/?q=网络泄密', ready: '[data-testid="search-summary"]' },
  { path: '/?q=泄密案子处置', ready: '[data-testid="search-suggestions"]' },
  ...[1, 2, 3, 4, 5, 6, 7].map((no) => ({ path: `/items/${no}`, ready: '[data-testid="item-title"]' })),
  { path: '/versions', ready: 'main, #root' },
  { path: '/versions/1', ready: '[data-testid="list-row"]' },
  { path: '/legal-sources', ready: '#root' },
  { path: '/print', ready: '[data-testid="print-item"]' },
  { path: '/login', ready: 'form' },
  { path: '/setup', ready: '#root' },
  { path: '/invite', ready: '#root' },
];

describe.each([
  { label: 'phone', viewport: { width: 390, height: 844 } },
  { label: 'desktop', viewport: { width: 1440, height: 900 } },
])('the public on a $label', ({ label, viewport }) => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport, baseURL: server.baseUrl });
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the list without the maintainers’ findings, with the downloads', async () => {
    await page.goto('/');
    await page.getByTestId('list-row').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('list-row').count()).toBe(7);
    expect(await page.getByTestId('finding-badge').count()).toBe(0);
    // biome-ignore lint/performance/useDomNodeTextContent: the text people see, without hidden nodes
    expect(await page.locator('body').innerText()).not.toMatch(/校验提示|校验问题/);
    expect(await page.getByTestId('download-xlsx').getAttribute('href')).toBe('/api/v1/powerlists/export?format=xlsx');
    const xlsx = await page.request.get(`${server.baseUrl}/api/v1/powerlists/export?format=xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    if (label === 'phone') {
      // The category chips are wider than a phone: the row scrolls and its fading edge says so.
      const row = page.getByTestId('category-row');
      const overflows = await row.evaluate((element) => element.scrollWidth > element.clientWidth);
      expect(await row.getAttribute('data-more')).toBe(String(overflows));
    }
    await screenshot(page, `public-${label}-list`);
  });

  it('finds item 2 first for 网络泄密, with both words marked', async () => {
    await page.goto(`/?q=${encodeURIComponent('网络泄密')}`);
    await page.getByTestId('search-summary').waitFor({ state: 'visible' });
    const first = page.getByTestId('list-row').first();
    expect(await first.getAttribute('data-row-key')).toBe('2');
    const marks = await first.locator('mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['网络', '泄密']));
    await screenshot(page, `public-${label}-search`);
  });

  it('opens item 4 with the duties before the legal bases on a phone, long quotations folded', async () => {
    await page.goto('/items/4');
    await page.getByTestId('item-title').waitFor({ state: 'visible' });
    const dutiesTop = (await page.getByTestId('section-duties').boundingBox())?.y ?? Number.NaN;
    const basesTop = (await page.getByTestId('section-legal-bases').boundingBox())?.y ?? Number.NaN;
    if (label === 'phone') expect(dutiesTop).toBeLessThan(basesTop);
    else expect(basesTop).toBeLessThan(dutiesTop);
    expect(await page.getByTestId('section-findings').count()).toBe(0);
    const expand = page.locator('.ant-typography-expand').first();
    await expand.waitFor({ state: 'visible' });
    const box = await expand.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(32);
    await screenshot(page, `public-${label}-item-4`);
    const height = await page.evaluate(
      () => (globalThis as unknown as { document: { body: { scrollHeight: number } } }).document.body.scrollHeight,
    );
    await expand.click();
    const opened = await page.evaluate(
      () => (globalThis as unknown as { document: { body: { scrollHeight: number } } }).document.body.scrollHeight,
    );
    expect(opened).toBeGreaterThan(height);
  });

  it('shows no English sentence or rule id on any public page', async () => {
    const found: string[] = [];
    for (const { path: pagePath, ready } of PUBLIC_PAGES) {
      await page.goto(pagePath);
      await page.locator(ready).first().waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      // biome-ignore lint/performance/useDomNodeTextContent: the text people see, without hidden nodes
      const english = englishIn(await page.locator('body').innerText());
      if (english.length > 0) found.push(`${pagePath}: ${english.join(' | ')}`);
    }
    expect(found).toEqual([]);
  });

  it('prints the whole list', async () => {
    await page.goto('/print');
    await page.getByTestId('print-item').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('print-item').count()).toBe(7);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('met no script errors', () => {
    expect(browser.pageErrors.map((error) => error.message)).toEqual([]);
  });
});
