import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The reference backends' child process, driven over IPC (see `reference-backends-process.ts`). */
export interface BackendsProcess {
  /** Gateway config entries (CONTRACT.md format) pointing at the four backends. */
  entries: Record<string, unknown>[];
  /** Makes every backend wait `ms` before answering each request (0: none). */
  setLatency(ms: number): Promise<void>;
  /** Requests each backend received since the last call. */
  takeCounts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** Starts the four reference backends in a child process. */
export async function startBackendsProcess(): Promise<BackendsProcess> {
  const child = fork(new URL('./reference-backends-process.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: Record<string, unknown>) => void>();
  const entries = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
    child.on('message', (message: { id?: number; ready?: boolean; entries?: Record<string, unknown>[] }) => {
      if (message.ready) resolve(message.entries!);
      else if (message.id !== undefined) waiting.get(message.id)?.(message as Record<string, unknown>);
    });
    child.once('exit', (code) => reject(new Error(`reference backends exited with ${code}`)));
  });
  const ask = (command: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        resolve(reply);
      });
      child.send({ ...command, id });
    });
  return {
    entries,
    setLatency: async (ms) => void (await ask({ type: 'latency', ms })),
    takeCounts: async () => (await ask({ type: 'counts' })).counts as Record<string, number>,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop', id: 0 });
      await Promise.race([exited, sleep(3000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

/** A free loopback port (taken and released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, for at most `timeoutMs`. */
export async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/**
 * Starts `node <args>` with `env`. Its stderr passes through; its stdout (the
 * server's own logs, e.g. a request aborted as a load run ends) is dropped unless
 * `BENCH_CHILD_STDOUT` is set.
 */
export function startNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', process.env.BENCH_CHILD_STDOUT ? 'inherit' : 'ignore', 'inherit'] });
}

/** Stops a child with SIGTERM and waits for it to exit (SIGKILL after 10 s). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
}

/** The peak resident set size of a process so far (`VmHWM`), in MiB. */
export async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN);
  return Math.round(kib / 1024);
}

/** Clock ticks per second of `/proc/<pid>/stat` times. */
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU time a process has used so far (user + system), in seconds. */
export async function cpuSecondsOf(pid: number): Promise<number> {
  // Fields after the command name (which may hold spaces) start at the state, field 3: utime is 14, stime 15.
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
