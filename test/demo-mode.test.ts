import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from 'undici';

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${seen}`)));
  });
}

describe('npm start without a config (demo mode)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('starts the four reference backends, serves GraphiQL and every backend over real HTTP, and stops on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' };
    delete env.GATEWAY_CONFIG;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await waitForLine(child, /GraphiQL: (\S+)/);
    const url = line.replace('GraphiQL: ', '');
    expect(url).toBe(`http://127.0.0.1:${port}/graphql`);

    const page = await request(url, { headers: { accept: 'text/html' } });
    const html = await page.body.text();
    expect(page.statusCode).toBe(200);
    expect(html).toContain('campaign-gateway');

    const answer = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ backends { name kind } campaigns(first: 40) { totalCount nodes { backend { kind } } } }' }),
    });
    const body = (await answer.body.json()) as { data: { backends: { kind: string }[]; campaigns: { totalCount: number; nodes: { backend: { kind: string } }[] } } };
    expect(body.data.backends.map((b) => b.kind).sort()).toEqual(['SCHEMA_TYPE', 'TOUCHPOINT', 'V2', 'WORKSPACE']);
    expect(new Set(body.data.campaigns.nodes.map((n) => n.backend.kind)).size).toBe(4);
    expect(body.data.campaigns.totalCount).toBeGreaterThanOrEqual(32);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
