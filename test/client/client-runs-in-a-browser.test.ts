import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserAvailable, launchOfflineBrowser, type OfflineBrowser } from '../support/browser.js';
import { startListeningGateway, type ListeningGateway } from '../server/support/listening-gateway.js';
import { bundleClientForBrowser } from './support/browser-bundle.js';

let gateway: ListeningGateway;
let site: Server;
let siteUrl: string;
let browser: OfflineBrowser;

/** The app's page: it loads the bundled client as a module, as an app would. */
const PAGE = `<!doctype html>
<title>campaign app</title>
<script type="module">
  import * as gatewayClient from '/client.js';
  window.gatewayClient = gatewayClient;
</script>`;

/** What the page reports back from its run of the client. */
interface PageRun {
  listed: { _id: string; backend: string; status: string }[];
  backends: string[];
  made: { _id: string; name: string; channel_type: string | null; backend: string };
  readBack: { _id: string; name: string };
  firstStats: { sent: number; done: boolean };
  notFound: { name: string; code: string };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  gateway = await startListeningGateway();
  const bundle = await bundleClientForBrowser();
  // The app's own origin (another loopback port than the gateway's): an HTML page and the bundled client.
  site = createServer((req, res) => {
    if (req.url === '/client.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.code);
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchOfflineBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (site) await new Promise<void>((resolve) => site.close(() => resolve()));
  await gateway?.close();
});

it.skipIf(!browserAvailable)('in headless Chromium the bundled client lists campaigns, creates one and streams live counts', async () => {
  const page = await browser.newPage();
  await page.goto(siteUrl);
  await page.waitForFunction(() => 'gatewayClient' in window);
  const run = await page.evaluate(async (endpoint): Promise<PageRun> => {
    const { createClient, CampaignGatewayError } = (window as any).gatewayClient;
    const client = createClient({ url: endpoint, defaultBackend: 'messaging' });
    const { data } = await client.campaign.list({ limit: 100 });
    const made = await client.campaign.create({ name: 'Made in a browser', channel_type: 'whatsapp' });
    const readBack = await client.campaign.get(made._id);
    const [broadcast] = (await client.campaign.list({ backend: 'broadcast', status: 'active', limit: 1 })).data;
    let firstStats = { sent: -1, done: true };
    for await (const stats of client.campaign.watchDeliveryStats(broadcast._id)) {
      firstStats = stats;
      break;
    }
    const failure = await client.campaign.get('not-an-id').catch((error: unknown) => error);
    return {
      listed: data,
      backends: [...new Set<string>(data.map((c: { backend: string }) => c.backend))].sort(),
      made,
      readBack,
      firstStats,
      notFound: { name: failure instanceof CampaignGatewayError ? 'CampaignGatewayError' : String(failure), code: failure.code },
    };
  }, gateway.endpoint);

  expect(run.backends).toEqual(['broadcast', 'contact-center', 'growth', 'messaging']);
  expect(run.made).toMatchObject({ name: 'Made in a browser', channel_type: 'whatsapp', backend: 'messaging' });
  expect(run.readBack).toMatchObject({ _id: run.made._id, name: 'Made in a browser' });
  expect(run.firstStats.sent).toBeGreaterThanOrEqual(0);
  expect(run.notFound).toEqual({ name: 'CampaignGatewayError', code: 'BAD_USER_INPUT' });
  // The campaign really is on the backend, and the browser's stream was closed when the loop ended.
  const created = gateway.references.touchpoint.requests.list().filter((r) => r.method === 'POST' && r.path === '/v1/campaigns');
  expect(created).toHaveLength(1);
  await expect.poll(() => gateway.running.live.subscriberCount).toBe(0);
  expect(browser.blocked).toEqual([]);
  expect(browser.pageErrors).toEqual([]);
  await page.close();
});
