import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo, type DemoSetup } from '../../src/config/demo-config.js';
import { startGatewayServer, type RunningGateway } from '../../src/server/start-server.js';
import { createDeliveringV2Campaign } from '../live/support/live-gateway.js';

let demo: DemoSetup;
let gateway: RunningGateway;

beforeAll(async () => {
  demo = await startDemo({ port: 0 });
  // The demo's own config, polled faster so the watch sees the end of delivery at once.
  gateway = await startGatewayServer({
    config: { ...demo.config, pollIntervalMs: 100 },
    logger: pino({ level: 'silent' }),
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await gateway?.close();
  await demo?.backends.close();
});

it('examples/app.ts lists every backend, makes and validates a touchpoint, and watches a broadcast until done', async () => {
  // A broadcast that is still sending whenever the app looks (the demo's own ones finish in a few ticks).
  await createDeliveringV2Campaign(gateway.url, demo.backends, 20);

  const child = spawn(process.execPath, ['--conditions=campaign-gateway-source', '--import', 'tsx', 'examples/app.ts'], {
    env: { ...process.env, GATEWAY_URL: `${gateway.url}/graphql` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    // Deliver everything once the app has the current counters: the next poll reads the final ones.
    if (line.startsWith('  sent ')) demo.backends.v2.advance(50);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(watchdog);

  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(lines[0]).toMatch(/^campaigns: \d+ across 4 backends \(broadcast \d+, contact-center \d+, growth \d+, messaging \d+\)$/);
  expect(lines[1]).toMatch(/^created campaign "Q3 Re-engagement .*" on messaging \(draft\)$/);
  expect(lines[2]).toBe('touchpoint "Welcome Message": valid');
  expect(lines[3]).toMatch(/^watching ".+" on broadcast$/);
  expect(lines.at(-1)).toMatch(/^done: sent \d+\/\d+, delivered \d+, failed \d+$/);
  expect(gateway.live.subscriberCount).toBe(0);
});
