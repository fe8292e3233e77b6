import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultSwitches } from './faults.js';
import { RequestHold } from './request-hold.js';
import { RequestLog, type LoggedRequest } from './request-log.js';

/** A request as a route handler sees it. */
export interface BackendRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Values of `:name` segments of the matched route pattern, URL-decoded. */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The request body as text ('' when there is none). */
  rawBody: string;
}

/** What a route handler answers. `body` undefined means no body (e.g. 204). */
export interface BackendResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: BackendRequest) => BackendResponse | Promise<BackendResponse>;

/** One endpoint: `path` is a pattern such as `/v1/campaigns/:id`. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: RouteHandler;
}

/** Options of {@link startJsonServer}. */
export interface JsonServerOptions {
  /** Port to listen on; default 0 (any free port). */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  routes: Route[];
  /** Checks the credentials of every request before routing; returns the refusal, or undefined to accept. */
  authenticate: (request: BackendRequest) => BackendResponse | undefined;
  /** The answer to a path or method no route matches. */
  notFound: BackendResponse;
  /** The answer the `unauthorized` fault forces. */
  unauthorized: BackendResponse;
  faults?: FaultSwitches;
  requests?: RequestLog;
  /** Holds requests and counts those open at once; see {@link RequestHold}. */
  hold?: RequestHold;
}

/** A listening reference server. */
export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}/?$`), names };
}

function match(routes: CompiledRoute[], method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
    } catch {
      // A malformed percent-escape cannot name anything that exists.
      return undefined;
    }
    return { route, params };
  }
  return undefined;
}

const abandoned = new WeakMap<RequestLog, LoggedRequest[]>();

/**
 * The requests a reference server received whose client closed the connection
 * before the answer was sent, looked up by that server's request log (a backend's
 * `requests`). Tests prove with it that the gateway cancelled an upstream call.
 */
export function abandonedRequests(log: RequestLog): readonly LoggedRequest[] {
  return abandoned.get(log) ?? [];
}

const HTML_ERROR_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/**
 * A small JSON HTTP server on `node:http` with the test hooks every reference
 * backend shares: a request log, fault switches and a request hold.
 */
export async function startJsonServer(options: JsonServerOptions): Promise<RunningServer> {
  const routes = options.routes.map(compile);
  const faults = options.faults ?? new FaultSwitches();
  const requests = options.requests ?? new RequestLog();
  const hold = options.hold ?? new RequestHold();
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://reference.invalid');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: BackendRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      params: {},
      headers: req.headers,
      rawBody: Buffer.concat(chunks).toString('utf8'),
    };
    const logged: LoggedRequest = {
      method: request.method,
      path: request.path,
      query: Object.fromEntries(url.searchParams),
      at: Date.now(),
      ...(typeof req.headers.traceparent === 'string' ? { traceparent: req.headers.traceparent } : {}),
    };
    requests.record(logged);
    res.once('close', () => {
      hold.leave();
      if (res.writableFinished) return;
      abandoned.set(requests, [...(abandoned.get(requests) ?? []), logged]);
    });
    await hold.arrive(request.method, request.path);

    const send = (response: BackendResponse) => {
      if (res.destroyed) return;
      const headers: Record<string, string> = { ...response.headers };
      let payload = '';
      if (response.body !== undefined) {
        payload = typeof response.body === 'string' && headers['content-type'] ? response.body : JSON.stringify(response.body);
        headers['content-type'] ??= 'application/json';
      }
      res.writeHead(response.status, headers);
      res.end(payload);
    };

    try {
      for (const fault of faults.take()) {
        switch (fault.kind) {
          case 'latency':
            await sleep(fault.ms);
            break;
          case 'status500':
            return send({ status: 500, body: { error: 'internal server error' } });
          case 'rateLimit':
            return send({
              status: 429,
              headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
              body: { error: 'too many requests' },
            });
          case 'nonJson':
            return send({ status: 200, headers: { 'content-type': 'text/html' }, body: HTML_ERROR_PAGE });
          case 'unauthorized':
            return send(options.unauthorized);
          case 'refuse':
            break;
        }
      }
      const refusal = options.authenticate(request);
      if (refusal) return send(refusal);
      const found = match(routes, request.method, request.path);
      if (!found) return send(options.notFound);
      send(await found.route.handler({ ...request, params: found.params }));
    } catch (error) {
      send({ status: 500, body: { error: 'internal server error' } });
      console.error('reference backend handler failed', error);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const port = await listen(options.port ?? 0);
  faults.onRefuseChange = async (refuse) => {
    if (refuse) await stopListening();
    else await listen(port);
  };

  return {
    url: `http://${host}:${port}`,
    port,
    close: stopListening,
  };
}
