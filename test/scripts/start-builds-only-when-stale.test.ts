import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * `scripts/start.mjs` (what `npm start` runs) builds only when dist/ is missing
 * or older than src/, then runs dist/main.js in its own process. Checked in a
 * throwaway project whose `build` script is a stand-in that counts its runs
 * and writes a dist/main.js printing which build it is.
 */
const run = promisify(execFile);
let dir: string;

const BUILD = `
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
if (process.env.FAIL_BUILD) process.exit(2);
appendFileSync('builds.log', 'build\\n');
const count = readFileSync('builds.log', 'utf8').trim().split('\\n').length;
mkdirSync('dist', { recursive: true });
writeFileSync('dist/main.js', \`console.log('serving build \${count}', process.pid);\`);
`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'start-script-'));
  await mkdir(join(dir, 'scripts'));
  await mkdir(join(dir, 'src'));
  await copyFile(new URL('../../scripts/start.mjs', import.meta.url), join(dir, 'scripts', 'start.mjs'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'start-check', private: true, type: 'module', scripts: { build: 'node build.mjs' } }));
  await writeFile(join(dir, 'build.mjs'), BUILD);
  await writeFile(join(dir, 'src', 'main.ts'), 'export {};\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; pid: number | undefined }> {
  const child = run(process.execPath, ['scripts/start.mjs'], { cwd: dir, env: { ...process.env, ...env } });
  const { stdout, stderr } = await child;
  return { stdout, stderr, pid: child.child.pid };
}

async function builds(): Promise<number> {
  return (await readFile(join(dir, 'builds.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
}

/** Moves a file's modification time `seconds` into the future, as an edit after the last build would. */
async function touch(path: string, seconds = 5): Promise<void> {
  const when = new Date(Date.now() + seconds * 1000);
  await utimes(join(dir, path), when, when);
}

describe('npm start', () => {
  it('builds when dist/ is missing and runs the result in the same process', async () => {
    const first = await start();
    expect(first.stderr).toContain('dist/ is missing: building');
    expect(first.stdout).toBe(`serving build 1 ${first.pid}\n`);
    expect(await builds()).toBe(1);
  });

  it('does not build again while dist/ is newer than src/', async () => {
    await start();
    const again = await start();
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^serving build 1 /);
    expect(await builds()).toBe(1);
  });

  it('builds again after a source file changed, and after one was added', async () => {
    await start();
    await touch('src/main.ts');
    expect((await start()).stderr).toContain('src/ changed since the last build');
    expect(await builds()).toBe(2);
    await writeFile(join(dir, 'src', 'extra.ts'), 'export {};\n');
    await touch('src', 10);
    expect((await start()).stdout).toMatch(/^serving build 3 /);
  });

  it('runs dist/ without building where there is no src/ (a production install)', async () => {
    await start();
    await rm(join(dir, 'src'), { recursive: true });
    await touch('build.mjs');
    const served = await start({ FAIL_BUILD: '1' });
    expect(served.stdout).toMatch(/^serving build 1 /);
    expect(await builds()).toBe(1);
  });

  it('exits 1 with one clear line when it cannot build and there is no dist/', async () => {
    const failed = await start({ FAIL_BUILD: '1' }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect((failed as { stderr: string }).stderr).toContain('the build failed (exit code 2) and there is no dist/ to run: install the dev dependencies (npm ci)');
  });

  it('starts the dist/ that is there, with a warning, when a rebuild fails', async () => {
    await start();
    await touch('src/main.ts');
    const served = await start({ FAIL_BUILD: '1' });
    expect(served.stderr).toContain('the build failed (exit code 2); starting the dist/ that is there');
    expect(served.stdout).toMatch(/^serving build 1 /);
  });
});
