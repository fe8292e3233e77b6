import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_MAX_INIT_MESSAGE_BYTES } from '../../src/server/websocket.js';
import { KEYS } from './support/scoped-operations.js';
import { startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';
import { AUTH_CONFIG } from './support/scoped-operations.js';

/**
 * The probe: eight 90 MiB `connection_init` frames with a wrong key took the
 * gateway from 119 to 1720 MiB of RSS and stalled `/healthz` for 4.1 s; a
 * 90 MiB subscribe of one comment got past the token limit and was parsed.
 * Now a frame announcing more than 1 MiB (the HTTP body limit) is refused from
 * its header, and a message before `connection_ack` over 8 KiB closes the
 * socket. The gateway runs in a child process so its memory is measured alone.
 */
const MiB = 1024 * 1024;

/** Opens a raw WebSocket to `/graphql` and answers the socket once upgraded. */
function rawWebSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.on('error', reject);
    socket.once('connect', () => {
      socket.write(
        `GET /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
      );
    });
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.off('error', reject);
      socket.on('error', () => {});
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(head));
    };
    socket.on('data', onData);
  });
}

/** The header of a masked text frame of `length` bytes, with an all-zero mask (so the payload goes as is). */
function frameHeader(length: number): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x81;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header; // bytes 10-13: the zero mask
}

/** Sends one frame of `size` bytes starting with `prefix` (padding after it), as fast as the server takes it; resolves when the server closes. */
function sendHugeFrame(socket: Socket, prefix: string, size: number, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.write(Buffer.concat([frameHeader(size), Buffer.from(prefix, 'latin1')]));
    let sent = prefix.length;
    const pump = () => {
      while (sent < size && !socket.destroyed) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!socket.write(part)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

/** A small masked text frame (zero mask). */
function smallFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(2 + 2 + 4);
  header[0] = 0x81;
  header[1] = 0x80 | 126;
  header.writeUInt16BE(payload.length, 2);
  return Buffer.concat([header, payload]);
}

async function healthzMs(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/healthz`);
  await response.text();
  expect(response.status).toBe(200);
  return performance.now() - started;
}

describe('large WebSocket frames, against a gateway in a child process', () => {
  let child: ChildProcess;
  let url: string;
  const ask = <T>(message: string, key: string): Promise<T> =>
    new Promise((resolve) => {
      const onMessage = (reply: Record<string, unknown>) => {
        if (!(key in reply)) return;
        child.off('message', onMessage);
        resolve(reply[key] as T);
      };
      child.on('message', onMessage);
      child.send(message);
    });

  beforeAll(async () => {
    child = fork('test/server/support/websocket-target.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    url = await new Promise<string>((resolve) => child.on('message', (m: { ready?: string }) => m.ready && resolve(m.ready)));
  }, 30_000);
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('eight 90 MiB connection_init frames with a wrong key, then a 90 MiB subscribe of one comment: RSS grows less than 100 MiB and /healthz answers within 100 ms', async () => {
    // Warm up the paths measured, then take the baseline.
    await healthzMs(url);
    const before = await ask<number>('rss', 'rss');
    const chunk = Buffer.alloc(MiB, 'x');

    const sockets = await Promise.all(Array.from({ length: 8 }, () => rawWebSocket(url)));
    const init = '{"type":"connection_init","payload":{"Authorization":"Bearer wrong-key-0123456789","pad":"';
    const floods = Promise.all(sockets.map((socket) => sendHugeFrame(socket, init, 90 * MiB, chunk)));
    const latencies: number[] = [];
    for (let i = 0; i < 5; i += 1) latencies.push(await healthzMs(url));
    await floods;

    // An acknowledged socket, then one 90 MiB subscribe made of a single comment.
    const socket = await rawWebSocket(url);
    const acked = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.write(smallFrame(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${KEYS.read}` } })));
    await acked;
    await sendHugeFrame(socket, '{"id":"1","type":"subscribe","payload":{"query":"#', 90 * MiB, chunk);
    for (let i = 0; i < 5; i += 1) latencies.push(await healthzMs(url));

    const after = await ask<number>('rss', 'rss');
    const grownMiB = (after - before) / MiB;
    const median = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!;
    console.info(`RSS ${(before / MiB).toFixed(0)} → ${(after / MiB).toFixed(0)} MiB (+${grownMiB.toFixed(1)}); /healthz median ${median.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(grownMiB).toBeLessThan(100);
    expect(median).toBeLessThan(100);
  }, 60_000);
});

describe('message limits', () => {
  let gw: ListeningGateway;
  beforeAll(async () => {
    gw = await startListeningGateway({ config: AUTH_CONFIG });
  });
  afterAll(() => gw?.close());

  const closeCodeOf = (send: (ws: WebSocket) => void) =>
    new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${gw.endpoint.replace(/^http/, 'ws')}`, 'graphql-transport-ws');
      ws.on('open', () => send(ws));
      ws.on('close', (code) => resolve(code));
      ws.on('error', reject);
    });

  it(`a connection_init over ${DEFAULT_MAX_INIT_MESSAGE_BYTES / 1024} KiB is closed with 1009, even with a valid key`, async () => {
    const pad = 'x'.repeat(DEFAULT_MAX_INIT_MESSAGE_BYTES);
    const code = await closeCodeOf((ws) => ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${KEYS.read}`, pad } })));
    expect(code).toBe(1009);
  });

  it('after connection_ack, a 2 MiB message is closed with 1009; one of 500 KiB is answered (the document size limit refuses it unparsed)', async () => {
    const code = await closeCodeOf((ws) => {
      ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${KEYS.read}` } }));
      ws.once('message', () => ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `#${'x'.repeat(2 * MiB)}` } })));
    });
    expect(code).toBe(1009);

    const answer = await new Promise<{ type: string; payload: { extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
      const ws = new WebSocket(`${gw.endpoint.replace(/^http/, 'ws')}`, 'graphql-transport-ws');
      ws.on('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${KEYS.read}` } })));
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; payload: never };
        if (message.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `#${'x'.repeat(500 * 1024)}\n{ backends { name } }` } }));
        else {
          resolve(message);
          ws.close();
        }
      });
    });
    expect(answer.type).toBe('error');
    expect(answer.payload[0]!.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED', limit: 'maxDocumentBytes' });
  });
});
