/**
 * A list imported with columns Quanze does not know (承办机构, 事项编码) shows them on the item page
 * under 其他栏目 as text — the importer keeps them instead of dropping them (issue 11).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { type LaunchedBrowser, launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const BUNDLED_LIST = path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv');
const HEADER = '序号\t权力分类\t项目名称\t子项\t实施依据\t责任事项\t责任事项依据\t追责情形\t追责依据\t备注';
const MARKUP = '<b data-qz-injected>科</b>';

describe('extra columns on the item page', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let listDir: string;

  beforeAll(async () => {
    const lines = fs.readFileSync(BUNDLED_LIST, 'utf8').split('\n');
    // every header gains two columns; every item row their values
    let itemNo = 0;
    const widened = lines.map((line) => {
      if (line === HEADER) return `${line}\t承办机构\t事项编码`;
      if (/^\d+\t/.test(line)) {
        itemNo += 1;
        const office = itemNo === 1 ? `保密检查${MARKUP.replace(/</g, '&lt;').replace(/>/g, '&gt;')}` : '保密检查科';
        return `${line}\t${office}\tLZ-${String(itemNo).padStart(3, '0')}`;
      }
      return line;
    });
    expect(itemNo).toBe(7);
    listDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-extra-list-'));
    const seedList = path.join(listDir, 'extra-columns.tsv');
    fs.writeFileSync(seedList, widened.join('\n'));
    server = await startTestServer({ seedList });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (listDir) fs.rmSync(listDir, { recursive: true, force: true });
  });

  it('shows 承办机构 and 事项编码 of item 1 as text under 其他栏目', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/items/1`);
    const section = page.getByTestId('extra-fields');
    await section.waitFor({ state: 'visible' });
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('承办机构');
    expect(text).toContain(`保密检查${MARKUP}`);
    expect(text).toContain('事项编码');
    expect(text).toContain('LZ-001');
    expect(await page.locator('[data-qz-injected]').count()).toBe(0);
    await page.close();
  });
});
