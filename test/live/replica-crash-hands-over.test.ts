import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import type { RunningGateway } from '../../src/server/start-server.js';
import { sleep, subscribeSse, waitFor, type LiveSubscription } from './support/live-clients.js';
import { createDeliveringV2Campaign, startBackends, startLiveGateway, uniqueRedisPrefix } from './support/live-gateway.js';

const POLL_MS = 100;
const LEASE_TTL_MS = 800;

/** Starts a gateway in a child process; answers it with its URL. */
async function startGatewayProcess(config: Record<string, unknown>): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./support/gateway-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, GATEWAY_CONFIG_JSON: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening (\S+)/);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
  });
  return { child, url };
}

describe.skipIf(!process.env.REDIS_URL)('a polling replica that crashes', () => {
  const prefix = uniqueRedisPrefix();
  let backends: ReferenceBackendSet;
  let survivor: RunningGateway;
  let crashing: { child: ChildProcess; url: string } | undefined;
  let redis: Redis;
  const open: LiveSubscription[] = [];

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
    backends = await startBackends();
    const config = { redisUrl: process.env.REDIS_URL, redisKeyPrefix: prefix, leaseTtlMs: LEASE_TTL_MS };
    crashing = await startGatewayProcess({ port: 0, backends: backends.configEntries(), pollIntervalMs: POLL_MS, ...config });
    survivor = await startLiveGateway({ backends, pollIntervalMs: POLL_MS, config });
  }, 30_000);
  afterAll(async () => {
    for (const s of open) s.close();
    crashing?.child.kill('SIGKILL');
    await survivor?.close();
    await backends?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('is replaced by another replica once its lease expires, without any cleanup on its part', async () => {
    const campaignId = await createDeliveringV2Campaign(survivor.url, backends);
    // The child process subscribes first, so it takes the lease and polls.
    const onCrashing = subscribeSse(crashing!.url, { campaignId });
    await onCrashing.waitForResults(1);
    const onSurvivor = subscribeSse(survivor.url, { campaignId });
    await onSurvivor.waitForResults(1);
    open.push(onCrashing, onSurvivor);
    await sleep(POLL_MS * 5);
    expect(survivor.live.counters.polls).toBe(0);
    expect(await redis.exists(`${prefix}lease:${campaignId}`)).toBe(1);

    const killed = Date.now();
    crashing!.child.kill('SIGKILL');
    await waitFor(() => survivor.live.counters.polls > 0, 'the survivor to take the lease over', LEASE_TTL_MS + POLL_MS * 10);
    const takeoverMs = Date.now() - killed;
    expect(takeoverMs).toBeLessThanOrEqual(LEASE_TTL_MS + POLL_MS * 3);

    const before = onSurvivor.results.length;
    for (let tick = 0; tick < 20 && onSurvivor.results.length === before; tick++) {
      backends.v2.advance(1);
      await sleep(POLL_MS * 3);
    }
    expect(onSurvivor.results.length).toBe(before + 1);
    expect(onSurvivor.events.at(-1)!.stale).toBe(false);
  });
});
