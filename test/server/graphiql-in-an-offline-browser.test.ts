import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type DemoSetup } from '../../src/config/demo-config.js';
import { startGatewayServer, type RunningGateway } from '../../src/server/start-server.js';
import { browserAvailable, launchOfflineBrowser, type OfflineBrowser } from '../support/browser.js';

/**
 * GraphiQL as a newcomer meets it, in a headless Chromium that can reach no
 * host but loopback: the page renders from the gateway alone (no request to
 * another host, no CSP violation, no script error), opens on the example
 * query, runs it and shows campaigns, and its subscription tab shows the live
 * broadcast's counters arriving.
 */
let demo: DemoSetup;
let running: RunningGateway;
let browser: OfflineBrowser;

beforeAll(async () => {
  if (!browserAvailable) return;
  // Delivery moves only when the test says so; the gateway polls often, so events follow quickly.
  demo = await startDemo({ port: 0, tickIntervalMs: 0, pollIntervalMs: 200 });
  running = await startGatewayServer({ config: demo.config, logger: pino({ level: 'silent' }), examples: demo.examples });
  browser = await launchOfflineBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await demo?.backends.close();
});

/** The text an editor shows (Monaco renders the lines in view; the page is tall enough for the answers checked). */
async function editorText(page: Page, selector: string): Promise<string> {
  return (await page.locator(`${selector} .view-lines`).filter({ visible: true }).first().innerText()).replace(/\u00a0/g, ' ');
}

describe.skipIf(!browserAvailable)('GraphiQL in a browser without network', () => {
  it('renders from the gateway alone, runs the example query, and shows a subscription counting', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1400, height: 3000 });
    await page.goto(`${running.url}/graphql`);

    // Opens on the example query, not GraphiQL's welcome text.
    await expect.poll(() => editorText(page, '.graphiql-query-editor'), { timeout: 20_000 }).toContain('query NewestCampaigns');
    expect(await editorText(page, '.graphiql-query-editor')).not.toContain('Welcome to');

    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('NewestCampaigns'));
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    const body = (await response.json()) as { data: { campaigns: { nodes: { name: string; backend: { kind: string } }[] } } };
    expect(new Set(body.data.campaigns.nodes.map((n) => n.backend.kind)).size).toBeGreaterThan(1);
    const first = body.data.campaigns.nodes[0]!.name;
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 10_000 }).toContain(first);

    // The second tab: a subscription on the broadcast in progress.
    // A DOM click: the tab strip is a drag-to-reorder list, which takes a synthetic mouse press for the start of a drag.
    await page.locator('li.graphiql-tab').nth(1).locator('.graphiql-tab-button').dispatchEvent('click');
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('subscription WatchDeliveries');
    const counters = async () => {
      const shown = await editorText(page, '.graphiql-response');
      return shown.includes('"deliveryStats"') ? (shown.match(/"(?:sent|delivered|failed)": \d+/g) ?? []).join(', ') : '';
    };
    // With the cursor in the subscription, GraphiQL runs it (not the operation last run in the other tab).
    await page.locator('.graphiql-query-editor .view-line').filter({ visible: true, hasText: 'subscription WatchDeliveries' }).click();
    await page.locator('.graphiql-execute-button').click();
    // The current counters first…
    await expect.poll(counters, { timeout: 15_000 }).toMatch(/"sent": \d+/);
    const initial = await counters();
    // …then, once delivery moves on, the changed ones.
    demo.backends.v2.advance(1);
    await expect.poll(counters, { timeout: 15_000 }).not.toBe(initial);

    if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT });
    expect(browser.blocked).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  }, 90_000);
});
