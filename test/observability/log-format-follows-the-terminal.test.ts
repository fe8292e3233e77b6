import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger, LogLevelError } from '../../src/observability/logger.js';

/**
 * Logs are JSON lines when stdout is not a terminal (a collector reads them) and
 * pretty lines for a person at a terminal; LOG_LEVEL must name a level. Each
 * case runs in a child process, whose stdout is what the logger writes to.
 */
const run = promisify(execFile);

async function logOnce(options: string): Promise<string> {
  const script = `
    import { createLogger } from './src/observability/logger.ts';
    createLogger(${options}).info({ requestId: 'r-1', apiKey: 'never-shown' }, 'hello');
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url).pathname });
  return stdout;
}

describe('the process logger', () => {
  it('writes one JSON object per line when stdout is not a terminal', async () => {
    const out = await logOnce('{}');
    const line = JSON.parse(out.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'hello', requestId: 'r-1' });
  });

  it('writes a readable line for a terminal', async () => {
    const out = await logOnce('{ pretty: true }');
    expect(() => JSON.parse(out.trim())).toThrow();
    expect(out).toMatch(/INFO.*hello/);
    expect(out).toContain('r-1');
  });

  it('redacts keys and tokens in either format', async () => {
    for (const out of [await logOnce('{}'), await logOnce('{ pretty: true }')]) expect(out).not.toContain('never-shown');
  });

  it('refuses a level that does not exist', () => {
    expect(() => createLogger({ level: 'loud' })).toThrow(LogLevelError);
    expect(() => createLogger({ level: 'loud' })).toThrow('LOG_LEVEL "loud" is not a level: use one of fatal, error, warn, info, debug, trace, silent');
  });
});
