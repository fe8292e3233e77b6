import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';

/**
 * graphql-http's conformance audits of the GraphQL-over-HTTP spec, run against
 * a listening gateway with every plugin in place (limits, auth plugin, health,
 * metrics): every MUST, SHOULD and MAY audit passes, one test each.
 */
let gw: ListeningGateway;

beforeAll(async () => {
  gw = await startListeningGateway();
});
afterAll(async () => {
  await gw?.close();
});

const audits = serverAudits({ url: () => gw.endpoint });

for (const level of ['MUST', 'SHOULD', 'MAY'] as const) {
  describe(`GraphQL over HTTP: ${level}`, () => {
    for (const audit of audits.filter((a) => a.name.startsWith(level))) {
      it(`${audit.id} ${audit.name}`, async () => {
        const result = await audit.fn();
        expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
      });
    }
  });
}
