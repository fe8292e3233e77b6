import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListeningGateway, type ListeningGateway } from './support/listening-gateway.js';

/**
 * The schema takes no files, so the gateway does not parse multipart bodies at
 * all, even with the header that lets a non-JSON POST past CSRF prevention: 415.
 */
let gw: ListeningGateway;
beforeAll(async () => {
  gw = await startListeningGateway();
});
afterAll(() => gw?.close());

describe('a multipart POST', () => {
  it('is answered 415 without being parsed or reaching a backend', async () => {
    const boundary = '----upload';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: '{ campaigns(first: 1) { nodes { id } } }' })}\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{}\r\n--${boundary}--\r\n`;
    gw.references.all.forEach((b) => b.requests.clear());
    const response = await fetch(gw.endpoint, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      body,
    });
    expect(response.status).toBe(415);
    expect(gw.references.all.reduce((n, b) => n + b.requests.count(), 0)).toBe(0);
  });
});
