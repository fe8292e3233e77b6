import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { parseConfig } from '../../src/config/load-config.js';
import { KINDS, NAME_OF_KIND } from '../support/backend-kinds.js';

/** A base port with the `count - 1` after it free a moment ago. */
async function freeBasePort(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const servers = [];
    try {
      for (let i = 0; i < count; i += 1) {
        const server = createServer();
        await new Promise<void>((resolve, reject) => server.once('error', reject).listen(base + i, '127.0.0.1', resolve));
        servers.push(server);
      }
      return base;
    } catch {
      // taken: try another base
    } finally {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    }
  }
  throw new Error(`no ${count} free ports in a row`);
}

describe('npm run backends', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('starts a reference backend of each registered kind on fixed loopback ports and prints a valid gateway config for them', async () => {
    const base = await freeBasePort(KINDS.length);
    child = spawn(process.execPath, ['--import', 'tsx', 'src/reference-backends/main.ts'], {
      env: { ...process.env, BACKENDS_BASE_PORT: String(base) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.trimEnd().endsWith('}')) {
          try {
            JSON.parse(printed);
            resolve();
          } catch {
            // not the whole document yet
          }
        }
      });
      child!.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const config = parseConfig(JSON.parse(printed), { env: {} });
    expect(KINDS).toEqual(['workspace', 'v2', 'schemaType', 'touchpoint']);
    expect(config.backends.map((b) => [b.name, b.kind, b.baseUrl])).toEqual(KINDS.map((kind, i) => [NAME_OF_KIND[kind], kind, `http://127.0.0.1:${base + i}`]));
    const v2 = config.backends[1]!;
    const answer = await request(`${v2.baseUrl}/v2/campaign/getAll`, { headers: { 'x-api-key': String(v2.apiKey) } });
    expect(answer.statusCode).toBe(200);
    expect(((await answer.body.json()) as { count: number }).count).toBeGreaterThanOrEqual(8);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
