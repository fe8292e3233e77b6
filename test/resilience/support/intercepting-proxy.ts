import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the proxy received it. */
export interface ProxiedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
}

/** What the proxy does with one request instead of forwarding it untouched. */
export type Interception =
  /** Answer this, without asking the backend. */
  | { answer: { status: number; body: string | object; headers?: Record<string, string> } }
  /** Forward, then replace the backend's JSON answer by what `rewrite` returns. */
  | { rewrite: (body: unknown) => unknown };

/** Options of {@link startInterceptingProxy}. */
export interface InterceptingProxyOptions {
  /** Base URL of the backend requests are forwarded to; may be set later through {@link InterceptingProxy.target}. */
  target?: string;
  /** The interception of a request, or undefined to forward it untouched. */
  intercept: (request: ProxiedRequest) => Interception | undefined;
}

/** A listening proxy; `url` goes into a gateway config's `baseUrl`. */
export interface InterceptingProxy {
  url: string;
  /** Base URL of the backend requests are forwarded to. */
  target: string;
  /** Requests answered or rewritten by an interception. */
  intercepted: ProxiedRequest[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A `node:http` server posing as one backend: it forwards to a real reference
 * backend and fails or corrupts exactly the requests a test picks, so a failure
 * can hit one endpoint (touchpoints, one record of a list) while the rest works.
 */
export async function startInterceptingProxy(options: InterceptingProxyOptions): Promise<InterceptingProxy> {
  const intercepted: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const proxy = { target: options.target ?? '' };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const request: ProxiedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams };
    const body = await readBody(req);
    const interception = options.intercept(request);
    if (interception) intercepted.push(request);
    if (interception && 'answer' in interception) {
      const { status, body: answer, headers } = interception.answer;
      const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name, value]) => !HOP_BY_HOP.has(name) && typeof value === 'string'),
    ) as Record<string, string>;
    let upstream: Response;
    try {
      upstream = await fetch(`${proxy.target}${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: body.length > 0 ? body.toString('utf8') : undefined,
      });
    } catch {
      // The backend is unreachable: so is the proxy, as far as its client can tell.
      res.destroy();
      return;
    }
    let text = await upstream.text();
    if (interception && 'rewrite' in interception) text = JSON.stringify(interception.rewrite(JSON.parse(text)));
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get target() {
      return proxy.target;
    },
    set target(url: string) {
      proxy.target = url;
    },
    intercepted,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * Harness `backendEntry` that routes the entries of one backend kind through the
 * proxy (which then forwards to that kind's reference backend), so the gateway is
 * configured through `parseConfig` exactly as with a real backend.
 */
export function throughProxy(proxy: InterceptingProxy, kind: string): (entry: Record<string, unknown>) => Record<string, unknown> {
  return (entry) => {
    if (entry.kind !== kind) return entry;
    proxy.target = String(entry.baseUrl);
    return { ...entry, baseUrl: proxy.url };
  };
}
