import { expect, it } from 'vitest';
import type { EditLock } from '../../src/adapters/edit-lock.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * What every {@link EditLock} must do, run against each implementation.
 * `lockFor` answers a lock to test (the same one on every call: the suite
 * exercises one process's view of it).
 */
export function editLockSuite(lockFor: () => EditLock): void {
  it('runs work of one key one at a time, in arrival order, so read-modify-write loses nothing', async () => {
    const lock = lockFor();
    let stored: number[] = [];
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        lock.withLock('cmp_1', async () => {
          running += 1;
          most = Math.max(most, running);
          const read = [...stored];
          await tick();
          stored = [...read, i];
          running -= 1;
        }),
      ),
    );
    expect(stored).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(1);
  });

  it('lets different keys run at the same time', async () => {
    const lock = lockFor();
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      await tick();
      running -= 1;
    };
    await Promise.all([lock.withLock('a', work), lock.withLock('b', work), lock.withLock('c', work)]);
    expect(most).toBe(3);
  });

  it('a failure reaches its caller only and does not block the next work', async () => {
    const lock = lockFor();
    const failing = lock.withLock('cmp_2', async () => {
      throw new Error('boom');
    });
    const next = lock.withLock('cmp_2', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
}
