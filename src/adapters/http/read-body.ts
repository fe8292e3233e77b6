import type { Readable } from 'node:stream';
import { GatewayError } from '../../model/errors.js';

/** A response body: a stream, which undici's can also read whole. */
type ResponseBody = Readable & { text?: () => Promise<string> };

function tooLarge(backend: string, maxBytes: number): GatewayError {
  return new GatewayError('BACKEND_ERROR', `backend "${backend}" answered more than ${maxBytes} bytes`, { backend });
}

/**
 * Reads a response body as UTF-8 text, failing with `BACKEND_ERROR` past `maxBytes`
 * (the rest is not read). A body whose `Content-Length` is within the limit is read
 * whole at once: the HTTP parser stops at that length, so counting it chunk by chunk
 * would prove nothing; a body without a length is counted as it streams.
 */
export async function readBodyWithLimit(body: ResponseBody, maxBytes: number, backend: string, contentLength?: string | string[]): Promise<string> {
  const declared = typeof contentLength === 'string' && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    body.destroy();
    throw tooLarge(backend, maxBytes);
  }
  if (declared !== undefined && body.text) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw tooLarge(backend, maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
