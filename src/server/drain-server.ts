import type { Server } from 'node:http';

/** How a stopping server lets its requests in flight end. */
export interface DrainOptions {
  /** How long requests in flight may run on their own; default 7000 ms. */
  deadlineMs?: number;
  /** How long they then have to send their answers before their connections are closed; default 1000 ms. */
  answerGraceMs?: number;
}

/** Options of {@link drainServer}: the timings and how to cut requests' upstream calls. */
export interface DrainServerOptions extends DrainOptions {
  /** Cuts the upstream calls of every request in flight, so their resolvers end at once. */
  cutUpstreamCalls: () => void;
}

/**
 * Waits for a server that has stopped accepting (`server.close()` was called;
 * `closed` settles when its last connection has gone) to finish its requests.
 * Idle keep-alive connections are closed as they turn idle. Past the deadline,
 * the upstream calls still running are cut: each request then answers with what
 * it has and `BACKEND_UNAVAILABLE` for the rest, rather than losing its
 * connection without an answer. Connections still open after the grace are closed.
 * The defaults end within 8 s, inside the 10 s a stop is given.
 */
export async function drainServer(server: Server, closed: Promise<void>, options: DrainServerOptions): Promise<void> {
  const deadlineMs = options.deadlineMs ?? 7000;
  const cut = setTimeout(options.cutUpstreamCalls, deadlineMs);
  const forced = setTimeout(() => server.closeAllConnections(), deadlineMs + (options.answerGraceMs ?? 1000));
  // SSE responses end with the hub's streams, so their keep-alive connections turn idle only now: close those as they do.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  try {
    await closed;
  } finally {
    clearTimeout(cut);
    clearTimeout(forced);
    clearInterval(sweep);
  }
}
