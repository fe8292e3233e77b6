import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startListeningGateway, type ListeningGateway } from '../server/support/listening-gateway.js';

const run = promisify(execFile);

let gateway: ListeningGateway;

beforeAll(async () => {
  gateway = await startListeningGateway();
  // The client's half of `npm run build`.
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.client.json']);
});
afterAll(() => gateway?.close());

it("after the build, import { createClient } from 'campaign-gateway/client' resolves to an ES module with types that runs in plain Node", async () => {
  const types = readFileSync('dist/client/index.d.ts', 'utf8');
  expect(types).toMatch(/export \{ createClient,/);
  expect(existsSync('dist/client/generated/graphql.d.ts')).toBe(true);

  // No TypeScript loader: the compiled module as an app gets it.
  const app = `
    import { createClient, CampaignGatewayError, ListCampaignsDocument } from 'campaign-gateway/client';
    const client = createClient({ url: process.env.GATEWAY_URL });
    const { data, next } = await client.campaign.list({ limit: 2 });
    const raw = await client.request(ListCampaignsDocument, { first: 1 });
    const failure = await client.campaign.get('not-an-id').catch((error) => error);
    console.log(JSON.stringify({
      resolved: import.meta.resolve('campaign-gateway/client'),
      count: data.length,
      paged: typeof next === 'string',
      raw: raw.campaigns.nodes.length,
      error: failure instanceof CampaignGatewayError && failure.code,
    }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', app], { env: { ...process.env, GATEWAY_URL: gateway.endpoint } });
  const result = JSON.parse(stdout) as Record<string, unknown>;
  expect(result).toEqual({ resolved: expect.stringMatching(/\/dist\/client\/index\.js$/), count: 2, paged: true, raw: 1, error: 'BAD_USER_INPUT' });
});
