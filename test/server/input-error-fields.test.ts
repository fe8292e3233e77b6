import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

let harness: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

describe('bad variable values name their input field', () => {
  it('a DateTime that is not ISO 8601 is BAD_USER_INPUT with field input.scheduledAt', async () => {
    const result = await harness.execute('mutation Create($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', {
      i: { backend: 'broadcast', name: 'Soon', scheduledAt: 'tomorrow' },
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scheduledAt' });
    expect(result.errors![0]!.message).toContain('DateTime must be ISO 8601');
    expect(harness.backends.v2.requests.count({ method: 'POST' })).toBe(0);
  });

  it('a bad value in a filter variable names the filter path', async () => {
    const result = await harness.execute('query List($f: CampaignFilter) { campaigns(filter: $f) { totalCount } }', {
      f: { createdAfter: '2026-13-45' },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.createdAfter' });
  });
});
