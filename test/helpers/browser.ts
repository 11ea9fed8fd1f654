/**
 * Debian's Chromium driven by playwright-core, for the browser tests. Each launch gets a fresh
 * profile directory, removed again on close.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why browser tests cannot run here, for the test runner's skip message. */
export const CHROMIUM_MISSING_REASON = `browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install chromium fonts-noto-cjk)`;

/** Whether the Chromium binary the browser tests use is installed. */
export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** Options of {@link launchBrowser}. */
export interface LaunchBrowserOptions {
  /** viewport of new pages; 1280×900 by default */
  viewport?: { width: number; height: number };
  /** the browser's language; zh-CN by default */
  locale?: string;
  /** the origin relative `page.goto('/path')` calls resolve against (the test server's URL) */
  baseURL?: string;
  /** extra Chromium switches, e.g. `--host-resolver-rules=MAP bureau.intranet 127.0.0.1` */
  args?: string[];
}

/** A running headless Chromium with its own profile. */
export interface LaunchedBrowser {
  context: BrowserContext;
  /** A new tab in this browser. */
  newPage(): Promise<Page>;
  /** Uncaught errors thrown by page scripts since launch. */
  pageErrors: Error[];
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch headless Chromium in a fresh temporary profile. Playwright refuses `--user-data-dir` in
 * `args`, so the profile goes through launchPersistentContext.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<LaunchedBrowser> {
  if (!hasChromium()) throw new Error(CHROMIUM_MISSING_REASON);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: options.locale ?? 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    });
  } catch (error) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  const pageErrors: Error[] = [];
  context.on('weberror', (webError) => pageErrors.push(webError.error()));
  return {
    context,
    pageErrors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close().catch(() => {});
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Directory for screenshots of browser tests (gitignored). */
export function screenshotDir(): string {
  const dir = path.resolve(import.meta.dirname, '..', '..', 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
