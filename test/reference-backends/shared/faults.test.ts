import { describe, expect, it } from 'vitest';
import { FaultSwitches } from '../../../src/reference-backends/shared/faults.js';
import { RequestLog } from '../../../src/reference-backends/shared/request-log.js';

describe('FaultSwitches', () => {
  it('applies a counted fault exactly `times` times, then stops', async () => {
    const faults = new FaultSwitches();
    await faults.set({ kind: 'status500', times: 2 });
    expect(faults.take().map((f) => f.kind)).toEqual(['status500']);
    expect(faults.take().map((f) => f.kind)).toEqual(['status500']);
    expect(faults.take()).toEqual([]);
  });

  it('puts latency first so it combines with an answer fault', async () => {
    const faults = new FaultSwitches();
    await faults.set({ kind: 'nonJson' });
    await faults.set({ kind: 'latency', ms: 5 });
    expect(faults.take().map((f) => f.kind)).toEqual(['latency', 'nonJson']);
  });

  it('tells the server when refusing starts and stops', async () => {
    const faults = new FaultSwitches();
    const changes: boolean[] = [];
    faults.onRefuseChange = async (refuse) => void changes.push(refuse);
    await faults.set({ kind: 'refuse' });
    await faults.set({ kind: 'refuse' });
    await faults.clear();
    expect(changes).toEqual([true, false]);
    expect(faults.take()).toEqual([]);
  });
});

describe('RequestLog', () => {
  it('counts requests by method and path', () => {
    const log = new RequestLog();
    log.record({ method: 'GET', path: '/v1/campaigns', query: {}, at: 0 });
    log.record({ method: 'GET', path: '/v1/campaigns/cmp_1', query: {}, at: 0 });
    log.record({ method: 'POST', path: '/v1/campaigns', query: {}, at: 0 });
    expect(log.count()).toBe(3);
    expect(log.count({ method: 'get' })).toBe(2);
    expect(log.count({ path: '/v1/campaigns' })).toBe(2);
    expect(log.count({ method: 'GET', path: /^\/v1\/campaigns\/[^/]+$/ })).toBe(1);
    log.clear();
    expect(log.count()).toBe(0);
  });
});
