import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllReferenceBackends, type ReferenceBackendSet } from '../../src/reference-backends/start-all.js';

/**
 * What the Docker image does, without Docker: a production install
 * (`npm ci --omit=dev` next to the compiled dist/, no TypeScript, no src/)
 * serves from `node dist/main.js` with a config, answers a query and /healthz,
 * refuses to run without a config under NODE_ENV=production, and stops cleanly
 * on SIGTERM. The same install under `npm start`: one node process right under
 * npm, and exit code 0 from both whether the signal reaches node, npm or the
 * whole process group (Ctrl-C), with nothing left running.
 */
const exec = promisify(execFile);
const repo = new URL('../..', import.meta.url).pathname;
let dir: string;
let references: ReferenceBackendSet;
let configPath: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-install-'));
  await exec(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')]);
  await mkdir(join(dir, 'scripts'));
  for (const file of ['package.json', 'package-lock.json', 'scripts/start.mjs']) await copyFile(join(repo, file), join(dir, file));
  // From the local npm cache where it can; CI's own `npm ci` has filled it.
  await exec('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  references = await startAllReferenceBackends();
  configPath = join(dir, 'config.json');
  await writeFile(configPath, JSON.stringify({ backends: references.configEntries(), pollIntervalMs: 500 }));
}, 180_000);

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await references?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function launch(command: string, args: string[], env: Record<string, string>, detached = false): Running {
  const child = spawn(command, args, {
    cwd: dir,
    detached,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production', GATEWAY_CONFIG: configPath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

/** The gateway's URL once it logs that it listens. */
async function listeningUrl(running: Running): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const found = running.output().match(/listening on (http:\/\/[\d.]+:\d+)/);
    if (found) return found[1]!;
    if (running.child.exitCode !== null) throw new Error(`exited ${running.child.exitCode}: ${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never listened: ${running.output()}`);
}

async function query(url: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ campaigns(first: 40) { nodes { backend { kind } } } }' }),
  });
  const body = (await response.json()) as { data: { campaigns: { nodes: { backend: { kind: string } }[] } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return new Set(body.data.campaigns.nodes.map((n) => n.backend.kind)).size;
}

async function children(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(/\s+/).filter(Boolean).map(Number);
}

async function commandOf(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean).join(' ');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a production install', () => {
  it('has no TypeScript and no sources, only the compiled gateway and its runtime dependencies', () => {
    expect(existsSync(join(dir, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(dir, 'src'))).toBe(false);
    expect(existsSync(join(dir, 'dist/main.js'))).toBe(true);
  });

  it('serves with node dist/main.js: a query over every backend, /healthz, no GraphiQL; exits 0 on SIGTERM', async () => {
    const running = launch(process.execPath, ['dist/main.js'], {});
    const url = await listeningUrl(running);
    expect(await query(url)).toBe(4);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    await page.body?.cancel();
    expect(running.output()).not.toContain('GraphiQL:');
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });

  it('sends its spans over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, the last ones on SIGTERM', async () => {
    const posts: { path: string; body: string }[] = [];
    const collector = createHttpServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        posts.push({ path: request.url ?? '', body });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = collector.address() as { port: number };
      const running = launch(process.execPath, ['dist/main.js'], { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_SERVICE_NAME: 'gateway-under-test' });
      const url = await listeningUrl(running);
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Traced { campaigns(first: 1, filter: { backends: ["messaging"] }) { nodes { id } } }' }),
      });
      running.child.kill('SIGTERM');
      expect((await running.exited).code).toBe(0);
      const exported = posts.filter((p) => p.path === '/v1/traces').map((p) => p.body).join('\n');
      expect(exported).toContain('gateway-under-test');
      expect(exported).toContain('query Traced');
      expect(exported).toContain('GET messaging');
    } finally {
      collector.close();
    }
  });

  it('refuses to start without a config under NODE_ENV=production, saying what to set', async () => {
    const running = launch(process.execPath, ['dist/main.js'], { GATEWAY_CONFIG: '' });
    expect(await running.exited).toEqual({ code: 1, signal: null });
    expect(running.output().trim()).toBe(
      'NODE_ENV=production and no GATEWAY_CONFIG: set GATEWAY_CONFIG=/path/to/config.json to serve your backends (or GATEWAY_DEMO=1 to serve the demo backends)',
    );
  });

  it('says in one line, with no stack trace, that the port is in use', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const running = launch(process.execPath, ['dist/main.js'], { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
      expect(await running.exited).toEqual({ code: 1, signal: null });
      const lines = running.output().trim().split('\n').filter((line) => !line.includes('no auth.apiKeys configured'));
      expect(lines).toEqual([`cannot listen on 127.0.0.1:${port}: the port is already in use (stop what holds it, or set PORT or "port" to another one)`]);
    } finally {
      holder.close();
    }
  });

  it('runs the demo under NODE_ENV=production only when GATEWAY_DEMO=1, without GraphiQL', async () => {
    const running = launch(process.execPath, ['dist/main.js'], { GATEWAY_CONFIG: '', GATEWAY_DEMO: '1' });
    const url = await listeningUrl(running);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(await query(url)).toBe(4);
    expect(running.output()).not.toContain('GraphiQL:');
    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
  });
});

describe('npm start in a production install', () => {
  const cases: { target: 'node' | 'npm' | 'group'; signal: NodeJS.Signals }[] = [
    { target: 'node', signal: 'SIGTERM' },
    { target: 'npm', signal: 'SIGTERM' },
    { target: 'group', signal: 'SIGINT' },
    { target: 'group', signal: 'SIGTERM' },
  ];

  it.each(cases)('runs one node process under npm, and $signal to $target makes both exit 0 and leaves nothing running', async ({ target, signal }) => {
    const npm = launch('npm', ['start'], {}, true);
    const url = await listeningUrl(npm);
    const tree = await children(npm.child.pid!);
    expect(tree).toHaveLength(1);
    const node = tree[0]!;
    expect(await commandOf(node)).toMatch(/(^|\/)node scripts\/start\.mjs$/);
    expect(await children(node)).toEqual([]);
    expect(await query(url)).toBe(4);

    if (target === 'node') process.kill(node, signal);
    if (target === 'npm') process.kill(npm.child.pid!, signal);
    if (target === 'group') process.kill(-npm.child.pid!, signal);
    expect(await npm.exited).toEqual({ code: 0, signal: null });
    expect(alive(node)).toBe(false);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
