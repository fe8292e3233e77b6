import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the system Chromium lives; `CHROMIUM_PATH` overrides (Debian's `chromium` package by default). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether a browser test can run here. CI (`.ci/run`) installs Chromium when it is
 * missing, so there the browser tests always run; on a machine without it they are
 * reported as skipped, like the Redis tests without `REDIS_URL`.
 */
export const browserAvailable = existsSync(CHROMIUM_PATH);

/** Flags for a headless Chromium on a machine with no network beyond loopback. */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A headless browser whose pages may reach loopback only. */
export interface OfflineBrowser {
  browser: Browser;
  context: BrowserContext;
  /** A new page in the offline context. */
  newPage(): Promise<Page>;
  /** Every request a page tried to send to a host other than loopback (each was blocked). */
  blocked: string[];
  /** Every console error and uncaught page error, for assertions and failure messages. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Launches the system Chromium headless and blocks every request to a host other
 * than loopback, recording it in `blocked`, so a test proves a page works offline.
 */
export async function launchOfflineBrowser(): Promise<OfflineBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK_HOSTS.has(url.hostname);
    if (local) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
  });
  return {
    browser,
    context,
    newPage: () => context.newPage(),
    blocked,
    pageErrors,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
