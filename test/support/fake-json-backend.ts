import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a fake backend received. */
export interface FakeRequest {
  method: string;
  /** Path with its query string, as sent. */
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** The JSON body, undefined when empty. */
  body: unknown;
}

/** What a fake backend answers: a status and a JSON body (none when undefined). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
}

/** A tiny backend on port 0 that answers whatever a test tells it to. */
export interface FakeJsonBackend {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/**
 * Starts a `node:http` server on port 0 answering each request with `answer`,
 * for wire shapes the reference backends never produce.
 */
export async function startFakeJsonBackend(answer: (request: FakeRequest) => FakeAnswer): Promise<FakeJsonBackend> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      const received: FakeRequest = {
        method: req.method ?? 'GET',
        path,
        url: new URL(path, 'http://localhost'),
        headers: req.headers,
        body: raw === '' ? undefined : JSON.parse(raw),
      };
      requests.push(received);
      const { status, body } = answer(received);
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
