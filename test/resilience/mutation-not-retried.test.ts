import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/reference-backends/shared/faults.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { BREAKER_NEVER_OPENS, clearFaults } from './support/backends.js';

const TIMEOUT_MS = 300;
const CREATE = /* GraphQL */ `
  mutation { createCampaign(input: { backend: "messaging", name: "Sent once", channels: [SMS] }) { id name } }
`;
const CREATE_REQUEST = { method: 'POST', path: '/v1/campaigns' };

let harness: GatewayHarness;

beforeAll(async () => {
  // Reads of this backend would be retried twice; its writes never are.
  harness = await startGatewayHarness({ backendEntry: (e) => ({ ...e, timeoutMs: TIMEOUT_MS, retries: 2, breaker: BREAKER_NEVER_OPENS }) });
});
afterEach(() => clearFaults(harness));
afterAll(() => harness.close());

describe('a mutation whose write fails', () => {
  it.each<[string, Fault]>([
    ['a 500', { kind: 'status500' }],
    ['a 429 asking to retry at once', { kind: 'rateLimit', retryAfterSeconds: 0 }],
    ['no answer within timeoutMs', { kind: 'latency', ms: 3000 }],
  ])('is sent exactly once and answers BACKEND_UNAVAILABLE after %s', async (_name, fault) => {
    await harness.backends.touchpoint.faults.set(fault);
    const started = performance.now();
    const result = await harness.execute(CREATE);
    expect(result.data).toBeNull();
    expect(result.errors).toMatchObject([{ path: ['createCampaign'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'messaging' } }]);
    expect(harness.backends.touchpoint.requests.count(CREATE_REQUEST)).toBe(1);
    // One attempt's budget, not three.
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
  });

  it('goes through once the backend is healthy', async () => {
    const result = await harness.execute<{ createCampaign: { name: string } }>(CREATE);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCampaign.name).toBe('Sent once');
    expect(harness.backends.touchpoint.requests.count(CREATE_REQUEST)).toBe(1);
  });
});
