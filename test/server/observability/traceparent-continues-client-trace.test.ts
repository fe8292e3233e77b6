import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installTracing, type InstalledTracing } from '../../../src/observability/tracing.js';
import { postGraphQL, startListeningGateway, type ListeningGateway } from '../support/listening-gateway.js';
import { subscribeOverSse } from '../support/sse.js';
import { webSocketSession } from '../support/transports.js';

/**
 * With tracing installed (as `main.ts` does at startup), every upstream call
 * carries a W3C `traceparent` that continues the client's trace; the SDK gets
 * one span for the GraphQL operation and one per upstream attempt, retries
 * included. Checked with the SDK's in-memory exporter and the `traceparent`
 * headers the reference backends received.
 */
const exporter = new InMemorySpanExporter();
let tracing: InstalledTracing;
let gw: ListeningGateway;

beforeAll(async () => {
  tracing = await installTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  gw = await startListeningGateway();
});
afterAll(async () => {
  await gw?.close();
  await tracing?.shutdown();
});
beforeEach(() => {
  exporter.reset();
  for (const backend of gw.references.all) backend.requests.clear();
});

const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

const byName = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('a request with a traceparent', () => {
  it('reaches every backend it calls in the same trace, each attempt under its own span', async () => {
    const { status } = await postGraphQL(
      gw.endpoint,
      { query: 'query Newest { campaigns(first: 3, filter: { backends: ["broadcast", "messaging"] }) { nodes { id } } }' },
      { traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` },
    );
    expect(status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const [operation, ...others] = byName(spans, 'query Newest');
    expect(others).toEqual([]);
    expect(operation!.spanContext().traceId).toBe(CLIENT_TRACE);
    expect(parentOf(operation!)).toBe(CLIENT_SPAN);
    expect(operation!.kind).toBe(SpanKind.SERVER);
    expect(operation!.attributes).toMatchObject({ 'graphql.operation.name': 'Newest', 'graphql.operation.type': 'query', 'campaign_gateway.outcome': 'success' });

    const attempts = spans.filter((s) => s.kind === SpanKind.CLIENT);
    const received = [...gw.references.v2.requests.list(), ...gw.references.touchpoint.requests.list()];
    expect(attempts.length).toBe(received.length);
    expect(received.length).toBeGreaterThanOrEqual(2);
    const attemptIds = new Set(attempts.map((s) => s.spanContext().spanId));
    for (const request of received) {
      const [, traceId, parentId] = request.traceparent!.match(TRACEPARENT)!;
      expect(traceId).toBe(CLIENT_TRACE);
      expect(attemptIds.has(parentId!)).toBe(true);
    }
    for (const attempt of attempts) {
      expect(parentOf(attempt)).toBe(operation!.spanContext().spanId);
      expect(attempt.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200 });
    }
  });

  it('gives a retried call one span per attempt, the failed one marked with its upstream status', async () => {
    await gw.references.touchpoint.faults.set({ kind: 'status500', times: 1 });
    await postGraphQL(
      gw.endpoint,
      { query: '{ campaigns(first: 1, filter: { backends: ["messaging"] }) { nodes { id } } }' },
      { traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` },
    );
    const attempts = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(attempts.map((s) => s.attributes['http.response.status_code'])).toEqual([500, 200]);
    expect(attempts[0]!.status).toMatchObject({ code: 2, message: 'BACKEND_UNAVAILABLE' });
    const headers = gw.references.touchpoint.requests.list().map((r) => r.traceparent!.match(TRACEPARENT)![2]);
    expect(headers).toEqual(attempts.map((s) => s.spanContext().spanId));
  });
});

describe('a request without a traceparent', () => {
  it('starts a trace of its own, which every upstream call carries', async () => {
    await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 2, filter: { backends: ["growth"] }) { nodes { id } } }' });
    const [operation] = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
    expect(parentOf(operation!)).toBeUndefined();
    const received = gw.references.workspace.requests.list();
    expect(received.length).toBeGreaterThan(0);
    for (const request of received) expect(request.traceparent!.match(TRACEPARENT)![1]).toBe(operation!.spanContext().traceId);
  });

  it('traces a WebSocket operation too', async () => {
    const session = webSocketSession(gw.endpoint, undefined);
    try {
      await session.run({ query: 'query OverSocket { campaigns(first: 1, filter: { backends: ["contact-center"] }) { nodes { id } } }' });
    } finally {
      await session.dispose();
    }
    const [operation] = byName(exporter.getFinishedSpans(), 'query OverSocket');
    const received = gw.references.schemaType.requests.list();
    expect(received.length).toBeGreaterThan(0);
    for (const request of received) expect(request.traceparent!.match(TRACEPARENT)![1]).toBe(operation!.spanContext().traceId);
  });
});

describe('a subscription', () => {
  it("lets the polls that follow its first read start traces of their own, not grow the subscriber's", async () => {
    const ids = await postGraphQL(gw.endpoint, { query: '{ campaigns(first: 1, filter: { backends: ["broadcast"] }) { nodes { id } } }' });
    const id = (ids.body.data!.campaigns as { nodes: { id: string }[] }).nodes[0]!.id;
    exporter.reset();
    gw.references.v2.requests.clear();
    const subscription = await subscribeOverSse(gw.endpoint, 'subscription Watch($id: ID!) { deliveryStats(campaignId: $id) { sent } }', { id }, { traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` });
    const finishedPolls = () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT && s.spanContext().traceId !== CLIENT_TRACE);
    try {
      await subscription.next();
      // The gateway polls every 100 ms: wait for three more reads, each done (its span ended), not just arrived.
      await expect.poll(() => finishedPolls().length, { timeout: 5000, interval: 20 }).toBeGreaterThanOrEqual(3);
    } finally {
      subscription.close();
    }
    const traces = gw.references.v2.requests.list().map((r) => r.traceparent!.match(TRACEPARENT)![1]);
    // The first read serves the subscriber's request; the polls after it belong to no request.
    expect(traces[0]).toBe(CLIENT_TRACE);
    expect(traces.slice(1).filter((trace) => trace === CLIENT_TRACE)).toEqual([]);
    const polls = finishedPolls();
    expect(polls.length).toBeGreaterThanOrEqual(3);
    for (const poll of polls) expect(parentOf(poll)).toBeUndefined();
  });
});
