import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../src/reference-backends/start-all.js';
import { subscribeOverSse } from './support/sse.js';

/**
 * The real process (`src/main.ts` with a config file), stopped with SIGTERM:
 * it stops accepting at once, lets the request in flight finish, ends open
 * subscriptions, and exits 0 well within 10 s. An invalid config stops startup
 * with exit code 1 and one line per problem.
 */
let child: ChildProcess | undefined;
let references: ReferenceBackendSet | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  await references?.close();
  references = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A port that was free a moment ago (the gateway prints its URL, not a port it picked). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function startMain(config: unknown, env: Record<string, string> = {}): Promise<Started> {
  dir = await mkdtemp(join(tmpdir(), 'gateway-config-'));
  const path = join(dir, 'config.json');
  await writeFile(path, typeof config === 'string' ? config : JSON.stringify(config));
  let out = '';
  let err = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, GATEWAY_CONFIG: path, LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('SIGTERM', () => {
  it('refuses new connections, finishes the request in flight, ends subscriptions and exits 0 within 10 s', async () => {
    references = await startAllReferenceBackends();
    const port = await freePort();
    const main = await startMain({ backends: references.configEntries(), pollIntervalMs: 200 }, { PORT: String(port) });
    // Under NODE_ENV=production GraphiQL is off, so no `GraphiQL:` line: the log says when it listens.
    await vi.waitFor(() => expect(main.stdout()).toContain(`campaign-gateway listening on http://127.0.0.1:${port}`), { timeout: 20_000, interval: 50 });
    const endpoint = `http://127.0.0.1:${port}/graphql`;

    // A live subscription, already delivering.
    const ids = (await (
      await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ campaigns(first: 1, filter: { backends: ["broadcast"] }) { nodes { id } } }' }),
      })
    ).json()) as { data: { campaigns: { nodes: { id: string }[] } } };
    const subscription = await subscribeOverSse(endpoint, 'subscription ($id: ID!) { deliveryStats(campaignId: $id) { sent } }', { id: ids.data.campaigns.nodes[0]!.id });
    expect((await subscription.next()).data).toMatchObject({ deliveryStats: { sent: expect.any(Number) } });

    // A request held up by a slow backend, in flight when the signal comes.
    await references.workspace.faults.set({ kind: 'latency', ms: 2000, times: 1 });
    references.workspace.requests.clear();
    let settled = false;
    const inFlight = fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ campaigns(first: 3, filter: { backends: ["growth"] }) { nodes { name } } }' }),
    }).then(async (response) => {
      settled = true;
      return { status: response.status, body: (await response.json()) as { data?: { campaigns: { nodes: unknown[] } }; errors?: unknown[] } };
    });
    await vi.waitFor(() => expect(references!.workspace.requests.count()).toBeGreaterThan(0), { timeout: 5000, interval: 20 });

    const signalled = performance.now();
    main.child.kill('SIGTERM');
    await vi.waitFor(async () => expect(await refusesConnections(port)).toBe(true), { timeout: 1500, interval: 25 });
    expect(settled).toBe(false);

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.campaigns.nodes).toHaveLength(3);

    await expect(subscription.next()).rejects.toThrow('stream ended');
    expect(await main.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(main.stdout()).toContain('SIGTERM: shutting down');
  }, 40_000);
});

describe('an invalid GATEWAY_CONFIG', () => {
  it('exits 1 with one line per problem, each with its path in the file', async () => {
    const main = await startMain(
      {
        backends: [
          { name: 'Bad Name', kind: 'v2', baseUrl: 'http://127.0.0.1:1', apiKey: '${NOT_SET_ANYWHERE_VAR}' },
          { name: 'ok', kind: 'carrier-pigeon', baseUrl: 'http://127.0.0.1:2' },
          { name: 'ws', kind: 'workspace', baseUrl: 'http://127.0.0.1:3', sessionToken: 't' },
        ],
      },
      { PORT: '0' },
    );
    expect(await main.exited).toBe(1);
    const lines = main.stderr().trim().split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('invalid configuration:');
    expect(lines.slice(1).sort()).toEqual([
      'backends[0].apiKey: environment variable NOT_SET_ANYWHERE_VAR is not set',
      'backends[0].name: must match [a-z0-9-]+',
      'backends[1].kind: unknown kind "carrier-pigeon" (one of workspace, v2, schemaType, touchpoint)',
      'backends[2].workspaceId: required for kind workspace',
    ]);
    expect(main.stdout()).not.toContain('GraphiQL:');
  }, 30_000);

  it('exits 1 with one line for a file that is not JSON', async () => {
    const main = await startMain('{ "backends": [ ', {});
    expect(await main.exited).toBe(1);
    const lines = main.stderr().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/config\.json: not valid JSON/);
  }, 30_000);
});
