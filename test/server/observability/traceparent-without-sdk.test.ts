import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postGraphQL, startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';

/**
 * With no exporter configured the OpenTelemetry SDK is not loaded (spans that go
 * nowhere would cost every request), yet every upstream call still carries a
 * W3C `traceparent`: the client's trace when the request had one, else one trace
 * of the request's own shared by all its calls. Read off the headers the
 * reference backends received.
 */
let gw: ListeningGateway;
beforeAll(async () => {
  gw = await startListeningGateway();
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => {
  for (const backend of gw.references.all) backend.requests.clear();
});

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const received = () => gw.references.all.flatMap((backend) => backend.requests.list());

describe('without the tracing SDK', () => {
  it("continues the client's trace on every upstream call, keeping its sampled flag", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 3) { nodes { id } } }' }, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    const calls = received();
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) expect(call.traceparent!.match(TRACEPARENT)!.slice(1)).toEqual([traceId, '00f067aa0ba902b7', '01']);
  });

  it('gives a request without a trace one of its own, the same on all its calls and new for the next request', async () => {
    const tracesOf = async () => {
      for (const backend of gw.references.all) backend.requests.clear();
      await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 3) { nodes { id } } }' });
      return new Set(received().map((call) => call.traceparent!.match(TRACEPARENT)![1]));
    };
    const first = await tracesOf();
    const second = await tracesOf();
    expect(first.size).toBe(1);
    expect(second.size).toBe(1);
    expect([...first][0]).not.toBe([...second][0]);
    expect([...first][0]).not.toBe('0'.repeat(32));
  });
});
