import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeliveryPoller } from '../../src/live/delivery-poller.js';
import type { LiveDeliveryStats } from '../../src/live/stats-event.js';

const INTERVAL = 100;
const stats = (sent: number): Omit<LiveDeliveryStats, 'stale'> => ({
  total: 10,
  sent,
  delivered: 0,
  failed: 0,
  updatedAt: '2026-11-23T12:00:00.000Z',
  done: false,
});

/** A poller over a fake backend whose answers and lease the test controls. */
function setup(options: { held?: () => boolean } = {}) {
  const state = { sent: 1, failing: false, reads: 0, leaseAsks: 0, changes: [] as LiveDeliveryStats[] };
  let release: (() => void) | null = null;
  const poller = new DeliveryPoller({
    intervalMs: INTERVAL,
    maxBackoffMs: 1600,
    read: async () => {
      state.reads += 1;
      if (release) await new Promise<void>((resolve) => (release = resolve));
      if (state.failing) throw new Error('backend down');
      return stats(state.sent);
    },
    mayPoll: async () => {
      state.leaseAsks += 1;
      return options.held?.() ?? true;
    },
    onChange: (r) => state.changes.push(r.stats),
  });
  return {
    state,
    poller,
    /** Makes the next read wait until `finish()` is called. */
    holdNextRead: () => {
      release = () => {};
    },
    finish: () => {
      const resolve = release;
      release = null;
      resolve?.();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DeliveryPoller', () => {
  it('reads once per interval and reports only changes', async () => {
    const { state, poller } = setup();
    poller.start();
    await vi.advanceTimersByTimeAsync(INTERVAL * 5 + 10);
    expect(state.reads).toBe(6);
    expect(state.changes).toHaveLength(1);
    state.sent = 2;
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(state.changes.map((c) => c.sent)).toEqual([1, 2]);
    poller.stop();
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(state.reads).toBe(7);
  });

  it('starts from a seeded reading without reading again before the interval is over', async () => {
    const { state, poller } = setup();
    poller.seed({ stats: { ...stats(1), stale: false }, at: Date.now() });
    poller.start();
    await vi.advanceTimersByTimeAsync(INTERVAL - 10);
    expect(state.reads).toBe(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(state.reads).toBe(1);
    expect(state.changes).toHaveLength(0);
    poller.stop();
  });

  it('reads again right after a read that was running when a refresh was asked for', async () => {
    const { state, poller, holdNextRead, finish } = setup();
    poller.seed({ stats: { ...stats(1), stale: false }, at: Date.now() });
    poller.start();
    holdNextRead();
    poller.pollNow();
    await vi.advanceTimersByTimeAsync(1);
    expect(state.reads).toBe(1);
    // The change lands while the first read is in flight: that read may not see it.
    state.sent = 5;
    poller.pollNow();
    poller.pollNow();
    finish();
    await vi.advanceTimersByTimeAsync(1);
    expect(state.reads).toBe(2);
    expect(state.changes.map((c) => c.sent)).toEqual([5]);
    poller.stop();
  });

  it('backs off reads while failing, reports stale once, keeps asking for the lease every interval, and recovers', async () => {
    const { state, poller } = setup();
    poller.start();
    await vi.advanceTimersByTimeAsync(1);
    state.failing = true;
    const readsBefore = state.reads;
    const asksBefore = state.leaseAsks;
    await vi.advanceTimersByTimeAsync(3000);
    // Every-interval polling would read 30 times; waits of 200, 400, 800, 1600 ms read 4 times.
    expect(state.reads - readsBefore).toBe(4);
    expect(state.leaseAsks - asksBefore).toBeGreaterThanOrEqual(29);
    expect(state.changes.map((c) => c.stale)).toEqual([false, true]);

    state.failing = false;
    await vi.advanceTimersByTimeAsync(1700);
    expect(state.changes.map((c) => c.stale)).toEqual([false, true, false]);
    poller.stop();
  });

  it('never reads without the lease, and takes over when it gets it', async () => {
    let held = false;
    const { state, poller } = setup({ held: () => held });
    poller.start();
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(state.reads).toBe(0);
    expect(state.leaseAsks).toBeGreaterThanOrEqual(5);
    // Another replica's change arrives: the next read, once held, waits one interval from it.
    poller.observe({ ...stats(3), stale: false });
    held = true;
    await vi.advanceTimersByTimeAsync(INTERVAL * 2 + 10);
    expect(state.reads).toBeGreaterThanOrEqual(1);
    expect(state.changes.map((c) => c.sent)).toEqual([1]);
    poller.stop();
  });
});
