import { CampaignGatewayError } from './campaign-gateway-error.js';
import type { ListCampaignsParams } from './records.js';

/** What a `next` value holds: the gateway's cursor and the list it continues. */
export interface PageCursor {
  /** The gateway's `endCursor` of the page before. */
  after: string;
  /** The filters and page size of that list, which the gateway's cursor only fingerprints. */
  params: Omit<ListCampaignsParams, 'cursor'>;
}

// base64url over UTF-8, with what both Node 20 and browsers have (no Buffer).
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The `next` of a page: opaque to the app, so that `list({ cursor: next })` alone continues the same list. */
export function encodePageCursor(cursor: PageCursor): string {
  return toBase64Url(JSON.stringify({ v: 1, a: cursor.after, p: cursor.params }));
}

function parseEncoded(next: string): { v?: unknown; a?: unknown; p?: unknown } | null {
  if (typeof next !== 'string' || !/^[A-Za-z0-9_-]+$/.test(next)) return null;
  try {
    return JSON.parse(fromBase64Url(next)) as { v?: unknown; a?: unknown; p?: unknown } | null;
  } catch {
    return null;
  }
}

/** Reads a `next` value; anything this client did not issue is `BAD_USER_INPUT` (field `cursor`), and nothing is sent. */
export function decodePageCursor(next: string): PageCursor {
  const parsed = parseEncoded(next);
  if (parsed?.v !== 1 || typeof parsed.a !== 'string' || typeof parsed.p !== 'object' || parsed.p === null) {
    throw new CampaignGatewayError('"cursor" is not a `next` value of client.campaign.list', { code: 'BAD_USER_INPUT', field: 'cursor' });
  }
  return { after: parsed.a, params: parsed.p as PageCursor['params'] };
}
