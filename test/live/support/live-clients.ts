import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One GraphQL result as a transport delivered it. */
export interface LiveResult {
  data?: { deliveryStats?: DeliveryStatsEvent | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The fields the tests subscribe to. */
export interface DeliveryStatsEvent {
  total: number | null;
  sent: number;
  delivered: number | null;
  failed: number | null;
  updatedAt: string;
  stale: boolean;
  done: boolean;
}

export const DELIVERY_STATS_SUBSCRIPTION = /* GraphQL */ `
  subscription DeliveryStats($campaignId: ID!) {
    deliveryStats(campaignId: $campaignId) { total sent delivered failed updatedAt stale done }
  }
`;

/** Waits until `predicate` holds, checking every 10 ms; fails with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One open subscription: every result received so far, whether the server
 * ended it, and a way to end it from the client side.
 */
export class LiveSubscription {
  readonly results: LiveResult[] = [];
  completed = false;
  error: unknown = null;

  constructor(private readonly stop: () => void) {}

  receive(result: LiveResult): void {
    this.results.push(result);
  }

  /** The counters of every result that carried some. */
  get events(): DeliveryStatsEvent[] {
    return this.results.flatMap((r) => (r.data?.deliveryStats ? [r.data.deliveryStats] : []));
  }

  /** Waits until at least `count` results have arrived. */
  async waitForResults(count: number, timeoutMs = 5000): Promise<LiveResult[]> {
    await waitFor(() => this.results.length >= count || (this.completed && this.results.length < count), `${count} results`, timeoutMs);
    if (this.results.length < count) throw new Error(`stream ended after ${this.results.length} results: ${JSON.stringify(this.results)}`);
    return this.results;
  }

  close(): void {
    this.stop();
  }
}

/**
 * Subscribes over Server-Sent Events as a browser's EventSource-less client
 * would: a POST with `accept: text/event-stream`, reading `event: next` blocks.
 */
export function subscribeSse(baseUrl: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): LiveSubscription {
  const abort = new AbortController();
  const subscription = new LiveSubscription(() => abort.abort());
  void (async () => {
    try {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify({ query: DELIVERY_STATS_SUBSCRIPTION, variables }),
        signal: abort.signal,
      });
      if (!response.body) throw new Error(`no body (status ${response.status})`);
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = response.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'next' && data) subscription.receive(JSON.parse(data) as LiveResult);
          if (event === 'complete') subscription.completed = true;
        }
      }
      subscription.completed = true;
    } catch (error) {
      if (!abort.signal.aborted) subscription.error = error;
      subscription.completed = true;
    }
  })();
  return subscription;
}

/** A graphql-ws client on the gateway's `/graphql` WebSocket. */
export function wsClient(baseUrl: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: true,
    retryAttempts: 0,
  });
}

/** Subscribes over a graphql-ws client. */
export function subscribeWs(client: Client, variables: Record<string, unknown>): LiveSubscription {
  let unsubscribe: () => void = () => {};
  const subscription = new LiveSubscription(() => unsubscribe());
  unsubscribe = client.subscribe<LiveResult['data']>(
    { query: DELIVERY_STATS_SUBSCRIPTION, variables },
    {
      next: (result) => subscription.receive(result as LiveResult),
      error: (error) => {
        subscription.error = error;
        subscription.completed = true;
      },
      complete: () => {
        subscription.completed = true;
      },
    },
  );
  return subscription;
}
