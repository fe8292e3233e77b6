import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, MAX_GLOBAL_ID_LENGTH } from '../../src/model/global-id.js';
import { postGraphQL, startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';

/**
 * The probe: a well-formed id whose native part is 20 000 characters long made
 * an upstream URL over 16 KB, which the backend reset; two such reads opened
 * growth's breaker and everyone lost growth for 5 s. Now such an id is refused
 * as the client's input error before any upstream call, as often as it comes,
 * and every other client keeps getting growth's data.
 */
let gw: ListeningGateway;
beforeAll(async () => {
  gw = await startListeningGateway();
});
afterAll(() => gw?.close());

const upstreamCalls = () => gw.references.all.reduce((n, b) => n + b.requests.count(), 0);

describe('an id far longer than any the gateway issues', () => {
  it('is BAD_USER_INPUT on id every time, reaches no backend, and growth keeps answering everyone', async () => {
    const huge = encodeGlobalId('Campaign', ['growth', 'x'.repeat(20_000)]);
    gw.references.all.forEach((b) => b.requests.clear());
    for (let i = 0; i < 10; i += 1) {
      const { status, body } = await postGraphQL(gw.endpoint, { query: 'query ($id: ID!) { campaign(id: $id) { id name } }', variables: { id: huge } });
      expect(status).toBe(200);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(body.errors![0]!.message).toContain(String(MAX_GLOBAL_ID_LENGTH));
      expect(body.errors![0]!.message.length).toBeLessThan(200);
    }
    expect(upstreamCalls()).toBe(0);
    expect(gw.running.backends.get('growth')).toBeDefined();

    const other = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 100, filter: { backends: ["growth"] }) { totalCount nodes { id } } }' });
    expect(other.body.errors).toBeUndefined();
    expect((other.body.data!.campaigns as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
    const ready = (await (await fetch(`${gw.url}/readyz`)).json()) as { backends: { name: string; circuit: string }[] };
    expect(ready.backends.find((b) => b.name === 'growth')).toMatchObject({ circuit: 'closed' });
  });

  it('the longest id the gateway accepts still fits in an upstream URL', async () => {
    const longest = encodeGlobalId('Campaign', ['growth', 'x'.repeat(700)]);
    expect(longest.length).toBeLessThanOrEqual(MAX_GLOBAL_ID_LENGTH);
    const { body } = await postGraphQL(gw.endpoint, { query: 'query ($id: ID!) { campaign(id: $id) { id } }', variables: { id: longest } });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ campaign: null });
  });
});
