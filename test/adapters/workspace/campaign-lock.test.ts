import { describe, expect, it } from 'vitest';
import { CampaignLock } from '../../../src/adapters/workspace/campaign-lock.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('campaign lock', () => {
  it('runs work of one key one at a time, in arrival order, so read-modify-write loses nothing', async () => {
    const lock = new CampaignLock();
    let stored: number[] = [];
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        lock.run('cmp_1', async () => {
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
    expect(lock.size).toBe(0);
  });

  it('lets different keys run at the same time', async () => {
    const lock = new CampaignLock();
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    };
    await Promise.all([lock.run('a', work), lock.run('b', work), lock.run('c', work)]);
    expect(most).toBe(3);
  });

  it('a failure reaches its caller only and does not block the next work', async () => {
    const lock = new CampaignLock();
    const failing = lock.run('cmp_1', async () => {
      throw new Error('boom');
    });
    const next = lock.run('cmp_1', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
    expect(lock.size).toBe(0);
  });
});
