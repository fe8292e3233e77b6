import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A `node:http` server on port 0 that answers with `handler` and counts requests. */
export interface FakeUpstream {
  url: string;
  requests: number;
  /** Replaces how requests are answered from now on. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops listening (new connections are refused) and drops open ones. */
  close(): Promise<void>;
}

export async function startFakeUpstream(handler: FakeUpstream['handler']): Promise<FakeUpstream> {
  const sockets = new Set<Socket>();
  const upstream: FakeUpstream = {
    url: '',
    requests: 0,
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
  const server = createServer((req, res) => {
    upstream.requests += 1;
    upstream.handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return upstream;
}

/** Answers `status` with a small JSON body. */
export function answer(status: number, body: unknown = {}): FakeUpstream['handler'] {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}
