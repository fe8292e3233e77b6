/**
 * `npm start`: serves the gateway from compiled JavaScript in this one Node
 * process. It builds first (`npm run build`, in a child process) only when
 * dist/ is missing or older than what it is built from, so a restart is fast,
 * then imports dist/main.js here. A production install (no src/, no
 * TypeScript) just runs its dist/.
 *
 * Plain JavaScript on purpose: it must run where no TypeScript is installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'main.js');
/** What the build reads: a change to src/ (a file added or removed too) or to a tsconfig makes dist/ stale. */
const INPUTS = ['src', ...readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name))];

/** The newest modification time under `path`, directories included (they change when a file is added or removed). */
function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** Why dist/ must be built first, or null when it is up to date (or there is nothing to build it from). */
function reasonToBuild() {
  if (!existsSync(join(root, 'src'))) return null;
  if (!existsSync(entry)) return 'dist/ is missing';
  const built = statSync(entry).mtimeMs;
  const inputs = INPUTS.map((name) => join(root, name)).filter((path) => existsSync(path));
  return inputs.some((path) => newestChange(path) > built) ? 'src/ changed since the last build' : null;
}

/** Runs `npm run build` with its output on stderr; a signal meanwhile stops it and then this process, with exit code 0. */
function build() {
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'run', '--silent', 'build']] : ['npm', ['run', '--silent', 'build']];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 2, 2], shell: !npm && process.platform === 'win32' });
    const stop = (signal) => {
      child.kill(signal);
      child.once('exit', () => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('exit', (code, signal) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve({ code, signal });
    });
  });
}

const reason = reasonToBuild();
if (reason) {
  process.stderr.write(`${reason}: building (npm run build)\n`);
  const result = await build();
  if (result.code !== 0) {
    const why = result.error ? result.error.message : result.signal ? `stopped by ${result.signal}` : `exit code ${result.code}`;
    if (!existsSync(entry)) {
      process.stderr.write(`the build failed (${why}) and there is no dist/ to run: install the dev dependencies (npm ci) and try again\n`);
      process.exit(1);
    }
    process.stderr.write(`the build failed (${why}); starting the dist/ that is there\n`);
  }
}
await import(pathToFileURL(entry).href);
