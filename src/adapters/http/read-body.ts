import type { Readable } from 'node:stream';
import { GatewayError } from '../../model/errors.js';

/** Reads a response body as UTF-8 text, failing with `BACKEND_ERROR` past `maxBytes` (the rest is not read). */
export async function readBodyWithLimit(body: Readable, maxBytes: number, backend: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new GatewayError('BACKEND_ERROR', `backend "${backend}" answered more than ${maxBytes} bytes`, { backend });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
