/** A subscription over Server-Sent Events (GraphQL over SSE, "distinct connections" mode). */
export interface SseSubscription {
  status: number;
  /** The parsed body when the server refused with a non-stream answer. */
  refusal: { errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  /** The next `next` event's payload. */
  next(): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): void;
}

/** Opens a subscription with `POST` and `accept: text/event-stream`. */
export async function subscribeOverSse(
  endpoint: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<SseSubscription> {
  const abort = new AbortController();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const text = await response.text();
    return { status: response.status, refusal: text ? JSON.parse(text) : null, next: () => Promise.reject(new Error('not a stream')), close: () => abort.abort() };
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    status: response.status,
    refusal: null,
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = event.split('\n');
          if (!lines.includes('event: next')) continue;
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          return JSON.parse(data);
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    },
    close() {
      abort.abort();
      reader.cancel().catch(() => {});
    },
  };
}
