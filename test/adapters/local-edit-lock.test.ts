import { describe, expect, it } from 'vitest';
import { LocalEditLock } from '../../src/adapters/edit-lock.js';
import { editLockSuite } from './edit-lock-suite.js';

describe('LocalEditLock', () => {
  const lock = new LocalEditLock();
  editLockSuite(() => lock);

  it('keeps no key once its queue has run', async () => {
    await Promise.all([lock.withLock('x', async () => {}), lock.withLock('x', async () => {}), lock.withLock('y', async () => {})]);
    expect(lock.size).toBe(0);
  });

  it('never reports its lock as lost', async () => {
    expect(await lock.withLock('x', async (lost) => lost.aborted)).toBe(false);
  });
});
